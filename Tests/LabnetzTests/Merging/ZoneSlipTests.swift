import FeedModel
import Federation
import Foundation
import Testing

@testable import Merging

/// A start off by the hub zone's UTC offset is a zone slip only with the offset of its own season:
/// Berlin is one hour ahead of UTC in winter and two in summer, never both at once.
@Suite("zone slips")
struct ZoneSlipTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let now = Date(timeIntervalSince1970: 1_795_262_400)  // 2026-11-21T12:00:00Z
    static let winter = CivilDate(year: 2027, month: 1, day: 14)
    static let summer = CivilDate(year: 2027, month: 7, day: 15)

    /// The same event from two sources: one at 18:00 hub time, the other at 18:00 plus `hours`
    /// written as UTC (an exporter that took the local time for UTC shows `hours` = 0).
    static func pair(on date: CivilDate, hours: Int) -> [SourcedItem<Event>] {
        let local = CivilDateTime(date: date, hour: 18, minute: 0, second: 0)
        let slipped = CivilDateTime(date: date, hour: 18 + hours, minute: 0, second: 0)
        let seen = Date(timeIntervalSince1970: 1_790_000_000)
        return [
            (source: "soest", start: EventTime.zoned(local, tzid: "Europe/Berlin")),
            (source: "menden", start: EventTime.utc(slipped)),
        ].map { source, start in
            SourcedItem(
                ref: SourceItemRef(member: source, source: "\(source)-events", uid: "\(source)-1"),
                payload: Event(uid: "\(source)-1", title: "Lötkurs für Einsteiger:innen", start: start),
                rank: 0, memberCity: nil, firstSeen: seen, lastChanged: seen)
        }
    }

    /// Starts of `pair(on:hours:)` in seconds since 1970, and the windows made for them.
    static func starts(on date: CivilDate, hours: Int) -> (Int, Int, StartWindows) {
        var clock = HubClock(zone: berlin)
        let instants = pair(on: date, hours: hours).map { clock.instant($0.payload.start) }
        let windows = StartWindows(settings: DedupSettings(), zone: berlin, instants: [instants[0], instants[1]])
        return (instants[0], instants[1], windows)
    }

    @Test(arguments: [
        // Winter: 18:00 local is 17:00 UTC; written as UTC it reads 18:00, one hour late.
        (winter, 0, 3600, true),
        // Winter: two hours off is summer time's offset, not a slip in January.
        (winter, 1, 7200, false),
        // Summer: 18:00 local is 16:00 UTC; the slip is two hours.
        (summer, 0, 7200, true),
        // Summer: one hour off is winter time's offset, not a slip in July.
        (summer, -1, 3600, false),
    ])
    func aSlipIsTheOffsetOfItsSeason(date: CivilDate, hours: Int, gap: Int, isSlip: Bool) {
        let (a, b, windows) = Self.starts(on: date, hours: hours)
        #expect(b - a == gap)
        #expect(windows.isZoneSlip(a, b) == isSlip)
        #expect(windows.isZoneSlip(b, a) == isSlip)
    }

    @Test(arguments: [(winter, 0, true), (winter, 1, false), (summer, 0, true), (summer, -1, false)])
    func onlyASlipOfTheSeasonIsACandidateAndJoins(date: CivilDate, hours: Int, joins: Bool) {
        let settings = DedupSettings()
        let items = Self.pair(on: date, hours: hours)
        // Windows made for both seasons, as in a merge of a whole year: the date still decides.
        let (a, b, _) = Self.starts(on: date, hours: hours)
        let (c, d, _) = Self.starts(on: date == Self.winter ? Self.summer : Self.winter, hours: 0)
        let windows = StartWindows(settings: settings, zone: Self.berlin, instants: [a, b, c, d])
        let vocabulary = MatchVocabulary(settings: settings, memberCities: [])
        let features = CandidatePairsTests.features(items, vocabulary: vocabulary)
        let clusterer = EventClusterer(settings: settings, vocabulary: vocabulary)
        let pairs = clusterer.candidatePairs(
            [0, 1], isSeries: false, features: features, sourceOf: [0, 1], windows: windows)
        #expect(pairs.map { [$0.a, $0.b] } == (joins ? [[0, 1]] : []))
        #expect(pairs.map(\.time) == (joins ? [settings.zoneSlipScore] : []))
        let time = PairScore.timeScore(features[0]!, features[1]!, settings: settings, windows: windows)
        #expect(time == (joins ? settings.zoneSlipScore : 0))

        // The whole merge, with an unrelated event in the other season so both offsets occur.
        var other = Self.pair(on: date == Self.winter ? Self.summer : Self.winter, hours: 0)[0]
        other.ref = SourceItemRef(member: "arnsberg", source: "arnsberg-events", uid: "a-1")
        other.payload.uid = "a-1"
        other.payload.title = "Repair-Café im Stadtteilzentrum"
        let all = items + [other]
        let merged = EventMerger(hubID: "suedwestfalen", hubZone: Self.berlin).merge(all, now: Self.now)
        #expect(merged.events.count == (joins ? 2 : 3))
        let lötkurs = merged.events.filter { $0.event.title.hasPrefix("Lötkurs") }
        #expect(lötkurs.map { $0.sources.count }.sorted() == (joins ? [2] : [1, 1]))
    }
}
