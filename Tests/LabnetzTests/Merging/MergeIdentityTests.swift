import FeedModel
import Federation
import Foundation
import Merging
import Testing

@testable import Pipeline
@testable import Storage

/// Properties of merged identities over whole syncs of the corpus: order independence, stable
/// bytes on unchanged re-syncs, one SEQUENCE step per edit, cancellation, vanishing, joins.
@Suite("merged identities", .serialized)
struct MergeIdentityTests {
    static let now = DedupCorpus.now

    static func folder(_ corpus: DedupCorpus) -> URL {
        URL(fileURLWithPath: corpus.config.configPath).deletingLastPathComponent()
    }

    /// Rewrites one corpus feed in place, as if the member had edited it.
    static func edit(_ corpus: DedupCorpus, _ file: String, _ change: (String) -> String) throws {
        let url = folder(corpus).appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(file) changed nothing")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    static func sync(_ corpus: DedupCorpus, at now: Date) async throws -> PublishedCalendar {
        _ = try await HubSync(config: corpus.config, store: corpus.store).run(now: now)
        return try PublishedCalendar(corpus.config)
    }

    static func key(_ corpus: DedupCorpus, _ label: String, _ source: String) throws -> String {
        try #require(corpus.labels.first { $0.value == label && $0.key.hasPrefix(source + "/") }?.key)
    }

    @Test func mergingIsIndependentOfSourceOrderAndItemOrder() async throws {
        let corpus = try await DedupCorpus.shared.value
        let stage = MergeStage(config: corpus.config, store: corpus.store)
        let items = try stage.sourcedEvents()
        let merger = stage.merger
        let reference = merger.merge(items, now: Self.now)
        func grouping(_ r: EventMergeResult) -> Set<[String]> {
            Set(r.clusters.map { c in c.items.map { r.trace.itemKeys[$0] }.sorted() + ["=" + c.uid] })
        }
        var generator = SplitMix64(seed: 42)
        for round in 0..<8 {
            var shuffled = items.shuffled(using: &generator)
            // Same ranks, other item order: the very same events.
            #expect(merger.merge(shuffled, now: Self.now).events == reference.events, "round \(round)")
            // Other source order (ranks permuted): the same clusters under the same UIDs.
            let order = Array(Set(items.map(\.ref.source))).shuffled(using: &generator)
            for i in shuffled.indices { shuffled[i].rank = order.firstIndex(of: shuffled[i].ref.source) ?? 0 }
            #expect(grouping(merger.merge(shuffled, now: Self.now)) == grouping(reference), "round \(round)")
        }
    }

    @Test func resyncingUnchangedSourcesChangesNothing() async throws {
        let corpus = try await DedupCorpus.synced()
        let first = try PublishedCalendar(corpus.config)
        let json = try String(
            contentsOfFile: (corpus.config.hub.publishDir as NSString).appendingPathComponent("regional.json"),
            encoding: .utf8)
        let rows = try corpus.store.identityRecords()
        let again = try await Self.sync(corpus, at: Self.now.addingTimeInterval(3 * 3600))
        #expect(again.text == first.text)
        #expect(
            try String(
                contentsOfFile: (corpus.config.hub.publishDir as NSString).appendingPathComponent("regional.json"),
                encoding: .utf8) == json)
        #expect(try corpus.store.identityRecords() == rows)
        #expect(first.entries.allSatisfy { $0["SEQUENCE"] == "0" })
        #expect(Set(first.entries.map(\.uid)).count == first.entries.count)
    }

    @Test func aTitleEditKeepsTheUIDAndRaisesSequenceOnce() async throws {
        let corpus = try await DedupCorpus.synced()
        let key = try Self.key(corpus, "nt-jan", "soest-events")
        let before = try #require(try PublishedCalendar(corpus.config).entry(carrying: key))
        try Self.edit(corpus, "soest-events.ics") {
            $0.replacingOccurrences(
                of: "SUMMARY:Netzwerktreffen der Südwestfalen-Labs (Q1)",
                with: "SUMMARY:Netzwerktreffen der Südwestfalen-Labs (Q1) – mit Jahresplanung")
        }
        let later = Self.now.addingTimeInterval(3600)
        let edited = try #require(try await Self.sync(corpus, at: later).entry(carrying: key))
        #expect(edited.uid == before.uid)
        #expect(edited["SUMMARY"]?.hasSuffix("mit Jahresplanung") == true)
        #expect(edited["SEQUENCE"] == "1")
        #expect(edited["LAST-MODIFIED"] == "20261121T130000Z")
        #expect(edited.sources.count == before.sources.count)
        let again = try #require(try await Self.sync(corpus, at: later.addingTimeInterval(3600)).entry(carrying: key))
        #expect(again["SEQUENCE"] == "1")
        #expect(again["LAST-MODIFIED"] == "20261121T130000Z")
    }

    @Test func aSourceCancellationIsPublishedUntilTheEventIsPast() async throws {
        let corpus = try await DedupCorpus.synced()
        let key = try Self.key(corpus, "smarthome-soest", "soest-events")
        let uid = try #require(try PublishedCalendar(corpus.config).entry(carrying: key)?.uid)
        try Self.edit(corpus, "soest-events.ics") { text in
            // Only the STATUS line of this one event.
            var parts = text.components(separatedBy: "BEGIN:VEVENT")
            for i in parts.indices where parts[i].contains("SUMMARY:Vortrag: Smart Home ohne Cloud") {
                parts[i] = parts[i].replacingOccurrences(of: "STATUS:CONFIRMED", with: "STATUS:CANCELLED")
            }
            return parts.joined(separator: "BEGIN:VEVENT")
        }
        let cancelled = try #require(try await Self.sync(corpus, at: Self.now).entry(uid: uid))
        #expect(cancelled["STATUS"] == "CANCELLED")
        #expect(cancelled["SEQUENCE"] == "1")
        #expect(cancelled.sources.count == 2, "the re-post stays merged into the cancelled event")
        let afterwards = Date(timeIntervalSince1970: 1_802_000_000)  // 2027-02-07
        #expect(try await Self.sync(corpus, at: afterwards).entry(uid: uid) == nil)
    }

    @Test func anEventThatLeftAllItsSourcesIsCancelledThenRemoved() async throws {
        let corpus = try await DedupCorpus.synced()
        let key = try Self.key(corpus, "wahl-isl", "iserlohn-events")
        let uid = try #require(try PublishedCalendar(corpus.config).entry(carrying: key)?.uid)
        try Self.edit(corpus, "iserlohn-events.rss") { text in
            var parts = text.components(separatedBy: "<item>")
            parts.removeAll { $0.contains("<title>Wahl-O-Mat selbst bauen</title>") }
            return parts.joined(separator: "<item>")
        }
        let gone = try #require(try await Self.sync(corpus, at: Self.now).entry(uid: uid))
        #expect(gone["STATUS"] == "CANCELLED")
        #expect(gone["SEQUENCE"] == "1")
        #expect(try await Self.sync(corpus, at: Self.now.addingTimeInterval(60)).entry(uid: uid)?["SEQUENCE"] == "1")
        let afterwards = Date(timeIntervalSince1970: 1_810_000_000)  // 2027-05-11
        #expect(try await Self.sync(corpus, at: afterwards).entry(uid: uid) == nil)
        #expect(try corpus.store.identityRecords()[uid]?.state == .removed)
    }

    @Test func joinedClustersKeepOneUIDAndTheOtherBecomesAnAlias() async throws {
        let corpus = try await DedupCorpus.synced()
        // Menden's "Kreativ-Coding für Kinder" is its own event, in the same slot as Soest's ...
        let soest = try Self.key(corpus, "kidscode-soest", "soest-events")
        let menden = try Self.key(corpus, "kidscode-men", "menden-events")
        let first = try PublishedCalendar(corpus.config)
        let survivor = try #require(first.entry(carrying: soest)?.uid)
        let other = try #require(first.entry(carrying: menden)?.uid)
        #expect(survivor != other)
        // ... until Menden corrects the venue: it was a re-post of Soest's workshop all along.
        try Self.edit(corpus, "menden-events.ics") { text in
            var parts = text.components(separatedBy: "BEGIN:VEVENT")
            for i in parts.indices where parts[i].contains("SUMMARY:Kreativ-Coding für Kinder") {
                parts[i] = parts[i].replacingOccurrences(
                    of: "LOCATION:Zukunfts.Werk.Stadt\\, Unnaer Straße 12\\, 58706 Menden",
                    with: "LOCATION:stadtLABOR Soest\\, Markt 7")
            }
            return parts.joined(separator: "BEGIN:VEVENT")
        }
        let joined = try await Self.sync(corpus, at: Self.now.addingTimeInterval(3600))
        let entry = try #require(joined.entry(carrying: menden))
        #expect(entry.uid == survivor)
        #expect(entry.sources.count == 3)
        #expect(joined.entry(uid: other) == nil)
        let rows = try corpus.store.identityRecords()
        #expect(rows[other]?.state == .alias)
        #expect(rows[other]?.aliasOf == survivor)
        #expect(joined.entries.filter { $0["SUMMARY"]?.hasPrefix("Kreativ-Coding für Kinder") == true }.count == 1)
    }
}
