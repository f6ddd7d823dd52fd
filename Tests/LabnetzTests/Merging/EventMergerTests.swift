import FeedModel
import Foundation
import Testing

@testable import Merging

@Suite("merging events")
struct EventMergerTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let seen = Date(timeIntervalSince1970: 1_790_000_000)
    static let now = Date(timeIntervalSince1970: 1_795_262_400)  // 2026-11-21T12:00:00Z
    let merger = EventMerger(hubID: "suedwestfalen", hubZone: berlin)

    static func item(
        _ member: String, _ uid: String, _ title: String, _ start: EventTime, rank: Int = 0, url: String? = nil,
        location: String? = nil, rrule: [String] = [], status: EventStatus = .confirmed, city: String? = nil
    ) -> SourcedItem<Event> {
        SourcedItem(
            ref: SourceItemRef(member: member, source: "\(member)-events", uid: uid),
            payload: Event(
                uid: uid, title: title, url: url, location: location, start: start, status: status, rrules: rrule),
            rank: rank, memberCity: city, firstSeen: seen, lastChanged: seen)
    }

    static let meeting: [SourcedItem<Event>] = [
        item(
            "soest", "s-1", "Netzwerktreffen der Südwestfalen-Labs",
            .zoned(.init(year: 2026, month: 12, day: 9, hour: 18, minute: 0), tzid: "Europe/Berlin"), rank: 0),
        item(
            "arnsberg", "a-1", "NETZWERKTREFFEN der Südwestfalen-Labs",
            .utc(.init(year: 2026, month: 12, day: 9, hour: 17, minute: 0)), rank: 1,
            location: "FreiRAUM Arnsberg, Neumarkt 6, 59821 Arnsberg", city: "Arnsberg"),
        item(
            "iserlohn", "i-1", "Netzwerktreffen der Südwestfalen Labs",
            .zoned(.init(year: 2026, month: 12, day: 9, hour: 18, minute: 0), tzid: "Europe/Berlin"), rank: 2),
        item(
            "menden", "m-1", "Netzwerktreffen der Südwestfalen-Labs!",
            .floating(.init(year: 2026, month: 12, day: 9, hour: 18, minute: 0)), rank: 3),
    ]

    @Test func crossPostsWithOtherUIDsTitlesAndTimeFormsBecomeOneEvent() {
        let result = merger.merge(Self.meeting, now: Self.now)
        let events = result.events
        #expect(events.count == 1)
        #expect(events[0].sources.map(\.member) == ["arnsberg", "iserlohn", "menden", "soest"])
        #expect(Set(result.assignments.values) == [events[0].uid])
        // The host's own source leads: its location names the member's city.
        #expect(events[0].event.location == "FreiRAUM Arnsberg, Neumarkt 6, 59821 Arnsberg")
        #expect(events[0].event.title == "NETZWERKTREFFEN der Südwestfalen-Labs")
    }

    @Test func differentEventsInTheSameSlotStaySeparate() {
        let slot = EventTime.utc(.init(year: 2027, month: 1, day: 14, hour: 14, minute: 0))
        let items = [
            Self.item("iserlohn", "i-9", "Digitale Sprechstunde für Senior:innen", slot),
            Self.item("arnsberg", "a-9", "Digitale Sprechstunde für Vereine", slot),
            Self.item(
                "soest", "s-9", "Digitale Sprechstunde für Senior:innen",
                .utc(.init(year: 2027, month: 1, day: 21, hour: 14, minute: 0))),
            Self.item("menden", "m-9", "Digitale Sprechstunde für Senior:innen", slot, rrule: ["FREQ=WEEKLY"]),
        ]
        let events = merger.merge(items, now: Self.now).events
        #expect(events.count == 4)
    }

    @Test func theSameUIDOrItemLinkJoinsButASharedListingPageDoesNot() {
        let start = EventTime.allDay(.init(year: 2026, month: 12, day: 5))
        let items = [
            Self.item(
                "soest", "tag-der-offenen-tuer", "Tag der offenen Tür", start,
                url: "https://www.soest.example/tdot/?utm_source=x"),
            Self.item("ankerorte", "repost-1", "Offene Tür im stadtLABOR", start, url: "https://soest.example/tdot"),
            Self.item("menden", "tag-der-offenen-tuer", "Offenes Haus", .allDay(.init(year: 2026, month: 12, day: 6))),
            Self.item("iserlohn", "x-1", "Waldcamp", start, url: "https://iserlohn.example/termine/"),
            Self.item("iserlohn", "x-2", "Baumpflanzaktion", start, url: "https://iserlohn.example/termine/"),
            Self.item("arnsberg", "y-1", "Kinder-Coding", start, url: "https://iserlohn.example/termine/"),
        ]
        let events = merger.merge(items, now: Self.now).events
        let groups = events.map { $0.sources.map(\.uid).sorted() }.sorted { $0.description < $1.description }
        #expect(groups == [["repost-1", "tag-der-offenen-tuer", "tag-der-offenen-tuer"], ["x-1"], ["x-2"], ["y-1"]])
    }

    @Test func uidsAreStableAcrossSyncsAndIndependentOfInputOrder() {
        let first = merger.merge(Self.meeting, now: Self.now)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let shuffled = Self.meeting.shuffled(using: &generator)
            #expect(merger.merge(shuffled, now: Self.now).events == first.events, "a first sync in any order")
            let again = merger.merge(shuffled, book: IdentityBook(assignments: first.assignments), now: Self.now)
            #expect(again.events == first.events, "the next sync, with the identities the first one minted")
        }
    }

    @Test func aClusterKeepsItsUIDWhenItsFirstSourceLeaves() {
        let first = merger.merge(Self.meeting, now: Self.now)
        let book = IdentityBook(assignments: first.assignments)
        let later = merger.merge(Array(Self.meeting.dropFirst()), book: book, now: Self.now).events
        #expect(later.map(\.uid) == first.events.map(\.uid))
    }

    @Test func aMovedInstanceTravelsWithItsSeries() {
        let start = EventTime.zoned(.init(year: 2026, month: 10, day: 3, hour: 10, minute: 0), tzid: "Europe/Berlin")
        let series = Self.item("soest", "repair", "Repair-Café", start, rrule: ["FREQ=WEEKLY;BYDAY=SA"])
        var moved = series
        moved.payload.recurrenceID = .zoned(
            .init(year: 2026, month: 12, day: 12, hour: 10, minute: 0), tzid: "Europe/Berlin")
        moved.payload.start = .zoned(.init(year: 2026, month: 12, day: 13, hour: 14, minute: 0), tzid: "Europe/Berlin")
        moved.payload.rrules = []
        let events = merger.merge([moved, series], now: Self.now).events
        #expect(events.count == 1)
        #expect(events.first?.overrides.map(\.recurrenceID) == [moved.payload.recurrenceID])
        #expect(events.first?.overrides.map(\.uid) == events.map(\.uid))
    }

    @Test func aSourceCancellationReachesTheMergedEvent() {
        var items = Self.meeting
        items[2].payload.status = .cancelled
        let events = merger.merge(items, now: Self.now).events
        #expect(events.map(\.event.status) == [.cancelled])
    }

    @Test func everyRecordCarriesTheContentItsEventIsPublishedWith() {
        // Three events (sorted by start unlike their UIDs), one of them cancelled and over: it is
        // stored with its content but not published.
        var items = [
            Self.item("soest", "s-2", "Lötkurs", .utc(.init(year: 2026, month: 12, day: 20, hour: 17, minute: 0))),
            Self.item("menden", "m-2", "Fotowalk", .utc(.init(year: 2026, month: 12, day: 2, hour: 9, minute: 0))),
            Self.item("arnsberg", "a-2", "Filmabend", .utc(.init(year: 2026, month: 10, day: 1, hour: 18, minute: 0))),
        ]
        items[2].payload.status = .cancelled
        let result = merger.merge(items, now: Self.now)
        #expect(result.events.map(\.event.title) == ["Fotowalk", "Lötkurs"])
        #expect(result.records.count == 3)
        let published = Dictionary(uniqueKeysWithValues: result.events.map { ($0.uid, $0) })
        for (record, content) in result.records {
            #expect(content?.uid == record.uid)
            #expect(content?.contentHash == record.contentHash)
            if let event = published[record.uid] { #expect(content == event) }
        }
        #expect(result.records.compactMap(\.content?.event.title).sorted() == ["Filmabend", "Fotowalk", "Lötkurs"])
    }
}
