import ArgumentParser
import Federation
import Foundation
import Parsing
import Storage

/// `labnetz status`: one table row per configured source, read from the store; changes nothing.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show per source: state, last success, last error, HTTP status, items and when it is due.",
        discussion: "Exit code 0 when every source is fine, 1 when some failed or are gone, 5 when some are held.")

    @OptionGroup var options: ConfigOption

    func run() throws {
        let config = try options.load()
        guard FileManager.default.fileExists(atPath: config.hub.database) else {
            print("no sync has run yet (\(config.hub.database) does not exist)")
            return
        }
        let records: [String: SourceRecord]
        do {
            records = Dictionary(
                uniqueKeysWithValues: try HubStore(path: config.hub.database).sources().map { ($0.id, $0) })
        } catch {
            Terminal.error("cannot read the store \(config.hub.database): \(error)")
            throw ExitCodes.storeOrPublishFailed
        }
        let time = StatusTime(zone: config.hub.timeZone)
        var rows = [["SOURCE", "STATE", "LAST SUCCESS", "HTTP", "ITEMS", "NEXT DUE", "LAST ERROR"]]
        var states: [SourceState] = []
        for (member, source) in config.sources {
            let record = records[source.id]
            let state = record?.state ?? .new
            states.append(state)
            var problem = record?.holdReason ?? record?.lastError ?? ""
            if let movedTo = record?.movedTo {
                problem += (problem.isEmpty ? "" : "; ") + "moved permanently to \(movedTo)"
            }
            rows.append([
                "\(member.id)/\(source.id)", state.rawValue, record?.lastSuccess.map(time.text) ?? "never",
                record?.httpStatus.map(String.init) ?? "-", String(record?.itemCount ?? 0),
                record?.nextDue.map(time.text) ?? "next sync", problem.isEmpty ? "-" : problem,
            ])
        }
        print(Self.table(rows))
        if states.contains(where: { $0 == .failed || $0 == .broken }) { throw ExitCodes.sourcesFailed }
        if states.contains(.held) { throw ExitCodes.sourcesHeld }
    }

    /// Left-aligned columns; the last column (the error) is not padded and may run long.
    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// "2026-11-21 13:05" in the hub's time zone.
struct StatusTime {
    let formatter: DateFormatter

    init(zone: TimeZone) {
        formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
    }

    func text(_ date: Date) -> String { formatter.string(from: date) }
}
