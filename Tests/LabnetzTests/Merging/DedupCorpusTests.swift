import FeedModel
import Foundation
import Merging
import Testing

@testable import Pipeline

/// Precision and recall of the merger on the labelled corpus, through the real sync path.
@Suite("dedup corpus", .serialized)
struct DedupCorpusTests {
    @Test func theCorpusIsLargeAndVariedEnough() async throws {
        let corpus = try await DedupCorpus.shared.value
        let items = try corpus.store.events(sourceIDs: corpus.config.sources.map(\.source.id))
        #expect(corpus.config.members.count >= 5)
        #expect(items.count >= 150)
        #expect(Set(items.map { "\($0.sourceID)/\($0.payload.uid)" }) == Set(corpus.labels.keys))
        let events = Dictionary(grouping: corpus.labels.keys, by: { corpus.labels[$0]! })
        #expect(events.values.map { $0.count - 1 }.reduce(0, +) >= 30, "cross-posts")
        #expect(corpus.negatives.count >= 30, "hard negatives")
        // Cross-posts come from ICS and from RSS with the event module.
        let rssPosted = events.values.filter { keys in keys.contains { $0.hasPrefix("iserlohn") || $0.hasPrefix("hsk") }
        }
        #expect(rssPosted.filter { $0.count > 1 }.count >= 10)
    }

    @Test func pairwisePrecisionAndRecallMeetTheTargets() async throws {
        let corpus = try await DedupCorpus.shared.value
        let result = try MergeStage(config: corpus.config, store: corpus.store).mergeEvents(
            now: DedupCorpus.now, save: false)
        let figures = corpus.figures(result)
        print("dedup corpus: \(figures); missed: \(figures.missedPairs)")
        #expect(figures.precision >= 0.99, "\(figures); merged wrongly: \(figures.falsePairs)")
        #expect(figures.recall >= 0.95, "\(figures); missed: \(figures.missedPairs)")
    }

    @Test func everyHardNegativeStaysApart() async throws {
        let corpus = try await DedupCorpus.shared.value
        let result = try MergeStage(config: corpus.config, store: corpus.store).mergeEvents(
            now: DedupCorpus.now, save: false)
        var labelsOfCluster: [Set<String>] = []
        for group in result.clusters {
            labelsOfCluster.append(Set(group.items.compactMap { corpus.labels[result.trace.itemKeys[$0]] }))
        }
        for negative in corpus.negatives {
            let joined = labelsOfCluster.contains { $0.contains(negative.a) && $0.contains(negative.b) }
            #expect(!joined, "\(negative.a) and \(negative.b) (\(negative.kind)) were merged")
        }
    }

    @Test func pinsOverrideTheScores() async throws {
        // Two events the scores keep apart are pinned together, and a true cross-post pinned apart.
        let labels = try await DedupCorpus.shared.value.labels
        func key(_ label: String, _ source: String) throws -> String {
            try #require(labels.first { $0.value == label && $0.key.hasPrefix(source + "/") }?.key)
        }
        let sameA = try key("od-soest-jan", "soest-events")
        let sameB = try key("stammtisch-men", "menden-events")
        let apartA = try key("klima-soest", "soest-events")
        let apartB = try key("klima-soest", "ankerorte-events")
        let corpus = try await DedupCorpus.synced { json in
            json["dedup"] = [
                "pins": [
                    ["same": [sameA, sameB], "note": "gemeinsamer Stammtisch"],
                    ["different": [apartA, apartB], "note": "Import mit fremder UID"],
                ]
            ]
        }
        let result = try MergeStage(config: corpus.config, store: corpus.store).mergeEvents(
            now: DedupCorpus.now, save: false)
        func cluster(_ key: String) -> Int? {
            result.clusters.firstIndex { $0.items.contains { result.trace.itemKeys[$0] == key } }
        }
        #expect(cluster(sameA) != nil && cluster(sameA) == cluster(sameB))
        #expect(cluster(apartA) != nil && cluster(apartA) != cluster(apartB))
    }
}
