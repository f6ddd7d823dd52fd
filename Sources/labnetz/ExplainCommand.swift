import ArgumentParser
import FeedModel
import Federation
import Foundation
import Merging
import Pipeline
import Storage

/// `labnetz explain ID`: which source items form a merged event, what joined them, what nearly did.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which source items form a merged event, the scores that joined them, and the near misses.",
        discussion: """
            ID is a merged UID from regional.ics or regional.json, or a source item as "sourceID/UID".
            Reads the store of the last sync and changes nothing. Pin corrections in federation.json under
            "dedup": {"pins": [{"same": ["a/…", "b/…"]}, {"different": [...]}]}.
            """)

    @OptionGroup var options: ConfigOption

    @Argument(help: "A merged UID, or a source item as sourceID/UID.")
    var id: String

    func run() throws {
        let config = try options.load()
        let stage: MergeStage
        let result: EventMergeResult
        let rows: [String: IdentityRecord]
        do {
            let store = try HubStore(path: config.hub.database)
            stage = MergeStage(config: config, store: store)
            result = try stage.mergeEvents(now: Date(), save: false)
            rows = try store.identityRecords()
        } catch {
            Terminal.error("cannot read the store \(config.hub.database): \(error)")
            throw ExitCodes.storeOrPublishFailed
        }
        var uid = id
        var notes: [String] = []
        while let row = rows[uid], row.state == .alias, let target = row.aliasOf {
            notes.append("\(uid) is an alias: its cluster joined \(target), which kept its UID.")
            uid = target
        }
        let trace = result.trace
        let cluster =
            result.clusters.first { $0.uid == uid }
            ?? result.clusters.first { c in c.items.contains { trace.itemKeys[$0] == id } }
        guard let cluster else {
            if let row = rows[uid] {
                print("\(uid): \(row.state.rawValue), SEQUENCE \(row.sequence); no source carries it any more.")
                return
            }
            Terminal.error("no merged event or source item \"\(id)\" (try a UID from regional.ics, or sourceID/UID)")
            throw ExitCode(1)
        }
        for note in notes { print(note) }
        print(ExplainReport(result: result, cluster: cluster, row: rows[cluster.uid], config: config).text)
    }
}

/// The text `labnetz explain` prints for one cluster.
struct ExplainReport {
    let result: EventMergeResult
    let cluster: (uid: String, items: [Int])
    let row: IdentityRecord?
    let config: FederationConfig

    var text: String {
        let trace = result.trace
        let members = Set(cluster.items)
        let published = result.events.first { $0.uid == cluster.uid }
        var lines: [String] = []
        let state = row.map { "\($0.state.rawValue), SEQUENCE \($0.sequence)" } ?? "not yet published"
        lines.append("\(cluster.uid) (\(state))")
        if let event = published?.event {
            lines.append("  published as: \(event.title) · \(time(event.start)) · \(event.status.rawValue)")
        }
        lines.append("\(cluster.items.count) source item\(cluster.items.count == 1 ? "" : "s"):")
        for i in cluster.items { lines.append("  " + describe(i)) }
        let joins = trace.joins.filter { members.contains($0.a) }
        if !joins.isEmpty {
            lines.append("joined by:")
            for edge in joins {
                lines.append("  \(trace.itemKeys[edge.a]) + \(trace.itemKeys[edge.b]): \(reason(edge.reason))")
            }
        }
        let misses = trace.nearMisses.filter { members.contains($0.a) || members.contains($0.b) }
        lines.append(misses.isEmpty ? "near misses: none" : "near misses:")
        for edge in misses {
            let outside = members.contains(edge.a) ? edge.b : edge.a
            let inside = outside == edge.a ? edge.b : edge.a
            lines.append("  \(trace.itemKeys[inside]) vs \(trace.itemKeys[outside]): \(miss(edge))")
            lines.append("    " + describe(outside))
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ i: Int) -> String {
        let item = result.trace.item(i)
        let e = item.payload
        var text = "\(item.ref.member)/\(result.trace.itemKeys[i]) \"\(e.title)\" \(time(e.start))"
        if let location = e.location { text += " @ \(location)" }
        if !e.rrules.isEmpty { text += " [\(e.rrules.joined(separator: "; "))]" }
        if e.status == .cancelled { text += " CANCELLED" }
        return text
    }

    private func time(_ t: EventTime) -> String {
        if case .allDay(let d) = t { return d.isoString }
        return CivilDateTime.isoString(t.instant(hub: config.hub.timeZone), in: config.hub.timeZone)
    }

    private func reason(_ r: JoinReason) -> String {
        switch r {
        case .sameUID: return "same UID"
        case .sameLink(let link): return "same link \(link)"
        case .instanceOfSeries: return "changed instance of the series"
        case .pinnedSame(let note): return "pinned as the same event" + (note.map { " (\($0))" } ?? "")
        case .scored(let s): return scores(s)
        }
    }

    private func miss(_ edge: TraceEdge<MissReason>) -> String {
        let detail = edge.score.map { "; " + scores($0) } ?? ""
        switch edge.reason {
        case .belowThreshold:
            return "not merged\(detail) (needs total ≥ \(config.dedup.matchThreshold), title ≥ "
                + "\(config.dedup.titleThreshold), time > 0)"
        case .sameSource: return "not merged: it would put two items of one source into one event\(detail)"
        case .pinnedDifferent(let note): return "pinned as different" + (note.map { " (\($0))" } ?? "") + detail
        case .linkOnOtherDay(let link): return "same link \(link) but another day"
        }
    }

    private func scores(_ s: PairScore) -> String {
        let location = s.location.map { String(format: "%.2f", $0) } ?? "n/a"
        return String(format: "score %.2f (title %.2f, time %.2f, location %@)", s.total, s.title, s.time, location)
    }
}
