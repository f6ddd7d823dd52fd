import FeedModel
import Federation
import Foundation
import Testing

@testable import Merging

/// Candidate generation visits only start windows that can score, yet finds every pair that could
/// be merged: compared against a brute force over all pairs of busy generated days.
@Suite("candidate pairs")
struct CandidatePairsTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// `count` events on two days (the first still in winter time, the second after the switch to
    /// summer time), from `sources` sources, titles from a few words, some all-day, some without a
    /// city, some weekly series at 19:00; starts on a quarter-hour grid, so gaps of exactly the
    /// tolerance and of the zone's offsets occur often.
    static func day(count: Int, sources: Int, seed: UInt64) -> [SourcedItem<Event>] {
        var random = SplitMix64(seed: seed)
        let words = ["Repair-Café", "Netzwerktreffen", "Energie", "Wald", "Daten", "Lötkurs", "Kinder", "Mapping"]
        let cities = ["Soest", "Arnsberg", "Menden", ""]
        return (0..<count).map { n in
            let date = CivilDate(year: 2027, month: 3, day: random.below(2) == 0 ? 27 : 28)
            let civil = CivilDateTime(date: date, hour: 8 + random.below(13), minute: 15 * random.below(4), second: 0)
            let isSeries = random.below(8) == 0
            let start: EventTime
            switch isSeries ? -1 : random.below(10) {
            case -1: start = .zoned(CivilDateTime(date: date, hour: 19, minute: 0, second: 0), tzid: "Europe/Berlin")
            case 0: start = .allDay(date)
            case 1, 2, 3: start = .utc(civil)
            default: start = .zoned(civil, tzid: "Europe/Berlin")
            }
            let title = (0..<(1 + random.below(3))).map { _ in words[random.below(words.count)] }.joined(separator: " ")
            let city = cities[random.below(cities.count)]
            let source = "s\(random.below(sources))"
            return SourcedItem(
                ref: SourceItemRef(member: source, source: source, uid: "e\(n)"),
                payload: Event(
                    uid: "e\(n)", title: title, location: city.isEmpty ? "Halle 3" : "Markt 1, \(city)", start: start,
                    rrules: isSeries ? ["FREQ=WEEKLY"] : []),
                rank: 0, memberCity: nil, firstSeen: Date(timeIntervalSince1970: 0),
                lastChanged: Date(timeIntervalSince1970: 0))
        }
    }

    static func features(_ items: [SourcedItem<Event>], vocabulary: MatchVocabulary) -> [EventFeatures?] {
        var clock = HubClock(zone: berlin)
        var interner = TokenInterner()
        return items.map { item in
            let instant = clock.instant(item.payload.start)
            let local: CivilDateTime
            if case .allDay(let date) = item.payload.start {
                local = CivilDateTime(date: date, hour: 0, minute: 0, second: 0)
            } else {
                local = clock.civil(instant)
            }
            return EventFeatures(
                item.payload, instant: instant, local: local, vocabulary: vocabulary, interner: &interner)
        }
    }

    /// Every pair of the block, checked one by one: different sources, a shared key that is not
    /// too common (per city, or over all cities for an item without one), and starts that score.
    static func bruteForce(
        _ block: [Int], features: [EventFeatures?], sourceOf: [Int32], maxPosting: Int, settings: DedupSettings,
        windows: StartWindows
    ) -> [(Int, Int)] {
        // How many items of the block carry a key: in all, and per city.
        var counts: [[Int32]: Int] = [:]
        for i in block {
            for key in features[i]!.blockingKeys {
                counts[[key], default: 0] += 1
                if let city = features[i]!.city { counts[[key, city], default: 0] += 1 }
            }
        }
        func count(_ key: Int32, city: Int32?) -> Int { counts[city.map { [key, $0] } ?? [key]] ?? 0 }
        var pairs: [(Int, Int)] = []
        for (x, a) in block.enumerated() {
            for b in block[(x + 1)...] {
                let (fa, fb) = (features[a]!, features[b]!)
                guard sourceOf[a] != sourceOf[b],
                    PairScore.timeScore(fa, fb, settings: settings, windows: windows) > 0
                else { continue }
                let shared = fa.blockingKeys.filter { fb.blockingKeys.contains($0) }
                let met = shared.contains { key in
                    if let ca = fa.city, let cb = fb.city {
                        return ca == cb && count(key, city: ca) <= maxPosting
                    }
                    return count(key, city: nil) <= maxPosting
                }
                if met { pairs.append((min(a, b), max(a, b))) }
            }
        }
        return pairs.sorted { $0 < $1 }
    }

    @Test(arguments: [(60, 5, UInt64(1)), (240, 30, 2), (400, 100, 3)])
    func busyDaysGiveExactlyThePairsThatCouldBeMerged(count: Int, sources: Int, seed: UInt64) {
        let settings = DedupSettings()
        let items = Self.day(count: count, sources: sources, seed: seed)
        let vocabulary = MatchVocabulary(settings: settings, memberCities: ["Soest", "Arnsberg", "Menden"])
        let features = Self.features(items, vocabulary: vocabulary)
        let sourceOf = items.map { Int32($0.ref.source.dropFirst())! }
        var clusterer = EventClusterer(settings: settings, vocabulary: vocabulary)
        clusterer.maxPosting = 12
        let windows = StartWindows(
            settings: settings, zone: Self.berlin, instants: features.compactMap { $0?.instant })
        // Both days are covered, one in winter time, one in summer time.
        #expect(Set(features.compactMap { $0?.instant }.map { windows.offset(at: $0) }) == [3600, 7200])
        let blocks = clusterer.blocks(Array(items.indices), features: features)
        #expect(blocks.contains { $0.isSeries } && blocks.filter { !$0.isSeries }.count == 2)
        var found = 0
        for block in blocks {
            let pairs = clusterer.candidatePairs(
                block.items, isSeries: block.isSeries, features: features, sourceOf: sourceOf, windows: windows)
            let expected = Self.bruteForce(
                block.items, features: features, sourceOf: sourceOf, maxPosting: 12, settings: settings,
                windows: windows)
            #expect(pairs.map { [$0.a, $0.b] } == expected.map { [$0.0, $0.1] })
            // Each pair carries the time score it was chosen by.
            let rescored = pairs.map {
                PairScore.timeScore(features[$0.a]!, features[$0.b]!, settings: settings, windows: windows)
            }
            #expect(pairs.map(\.time) == rescored)
            found += pairs.count
        }
        #expect(found > 0)
    }

    @Test(arguments: [0, 5, 33, 400, 5000])
    func postingsSortedByKeyFirstComeOutAsAFullSortPutsThem(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        let postings = (0..<count).map { item in
            Posting(
                key: Int32.random(in: 0..<Int32(max(1, count / 8)), using: &random),
                city: Int32.random(in: -1..<3, using: &random),
                start: Bool.random(using: &random) ? nil : Int.random(in: 0..<7200, using: &random), item: Int32(item))
        }
        var byKey = postings
        EventClusterer.sortByKey(&byKey)
        #expect(byKey == postings.sorted())
    }
}
