import FeedModel
import Federation
import Foundation
import Merging
import Testing

@testable import Pipeline
@testable import Storage

/// The labelled dedup corpus (Fixtures/dedup): six members' feeds synced through the real
/// fetch → parse → store → merge path, and the labels that say which items are one event.
struct DedupCorpus {
    let config: FederationConfig
    let store: HubStore
    /// Item key (`sourceID/UID`) → event label.
    let labels: [String: String]
    /// Pairs of event labels that look alike but are different events, with the kind of trap.
    let negatives: [(a: String, b: String, kind: String)]

    static let now = Date(timeIntervalSince1970: 1_795_262_400)  // 2026-11-21T12:00:00Z

    /// Copies the corpus into a fresh folder (with `edit` applied to federation.json) and syncs it.
    static func synced(editConfig edit: (inout [String: Any]) -> Void = { _ in }) async throws -> DedupCorpus {
        let fixtures = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/dedup")
        let folder = try RepositoryFiles.temporaryFolder("dedup")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
            try FileManager.default.copyItem(
                at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let configURL = folder.appendingPathComponent("federation.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: configURL)) as? [String: Any])
        edit(&json)
        try JSONSerialization.data(withJSONObject: json).write(to: configURL)
        let config = try FederationLoader.load(path: configURL.path)
        let store = try HubStore(path: config.hub.database)
        let report = try await HubSync(config: config, store: store).run(now: now)
        #expect(report.failedSources.isEmpty, "\(report.results.map(\.message))")

        let labelJSON = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("labels.json")))
                as? [String: Any])
        var labels: [String: String] = [:]
        for (event, keys) in try #require(labelJSON["events"] as? [String: [String]]) {
            for key in keys { labels[key] = event }
        }
        let negatives = try #require(labelJSON["negatives"] as? [[String: String]]).map {
            (a: $0["a"] ?? "", b: $0["b"] ?? "", kind: $0["kind"] ?? "")
        }
        return DedupCorpus(config: config, store: store, labels: labels, negatives: negatives)
    }

    /// Pairwise counts of the merge against the labels.
    struct Figures: CustomStringConvertible {
        var items = 0
        var truePairs = 0
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var falsePairs: [String] = []
        var missedPairs: [String] = []

        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }

        var description: String {
            String(
                format: "%d items, %d labelled same-event pairs: precision %.4f (%d/%d), recall %.4f (%d/%d)",
                items, truePairs, precision, truePositives, truePositives + falsePositives, recall, truePositives,
                truePositives + falseNegatives)
        }
    }

    /// Compares every pair of items: merged or not, against labelled same event or not.
    func figures(_ result: EventMergeResult) -> Figures {
        var cluster: [String: Int] = [:]
        for (index, group) in result.clusters.enumerated() {
            for i in group.items { cluster[result.trace.itemKeys[i]] = index }
        }
        let keys = cluster.keys.sorted()
        var f = Figures(items: keys.count)
        for x in 0..<keys.count {
            for y in (x + 1)..<keys.count {
                let (a, b) = (keys[x], keys[y])
                let predicted = cluster[a] == cluster[b]
                let actual = labels[a] != nil && labels[a] == labels[b]
                if actual { f.truePairs += 1 }
                switch (predicted, actual) {
                case (true, true): f.truePositives += 1
                case (true, false):
                    f.falsePositives += 1
                    f.falsePairs.append("\(a) + \(b)")
                case (false, true):
                    f.falseNegatives += 1
                    f.missedPairs.append("\(a) + \(b)")
                default: break
                }
            }
        }
        return f
    }
}
