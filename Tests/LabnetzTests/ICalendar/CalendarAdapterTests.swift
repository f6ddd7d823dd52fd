import FeedModel
import Foundation
import Testing

@testable import Parsing

@Suite("CalendarAdapter")
struct CalendarAdapterTests {
    @Test func mapsFields() throws {
        let result = CalendarAdapter.normalize(try ICSFixture.raw("escaped_text.ics"), hubZone: ICSFixture.utc)
        #expect(result.format == .iCalendar)
        #expect(result.version == "icalendar")
        let e = try #require(result.events.first)
        #expect(e.uid == "escapes@test")
        #expect(e.title == "Daten, Karten; Code")
        #expect(e.summary == "Zeile 1\nZeile 2\nZeile 3 C:\\lab")
        #expect(e.location == "Rathaus, Raum 2")
        #expect(e.status == .confirmed)
    }

    @Test func floatingTimesTakeTheCalendarZone() throws {
        let result = CalendarAdapter.normalize(try ICSFixture.raw("floating_wr_timezone.ics"), hubZone: ICSFixture.utc)
        #expect(result.title == "Digitallabor Musterstadt")
        let e = try #require(result.events.first)
        #expect(
            e.start == .zoned(CivilDateTime(year: 2025, month: 7, day: 10, hour: 18, minute: 0), tzid: "Europe/Berlin"))
        #expect(ICSFixture.local(e.start, in: ICSFixture.utc) == "2025-07-10T16:00+00:00")
    }

    @Test func durationGivesTheEnd() throws {
        let events = try ICSFixture.events("duration.ics")
        #expect(
            events[0].end
                == .zoned(CivilDateTime(year: 2025, month: 4, day: 10, hour: 18, minute: 30), tzid: "Europe/Berlin"))
        #expect(events[1].end == .allDay(CivilDate(year: 2025, month: 4, day: 14)))
    }

    @Test func statusValues() throws {
        let events = try ICSFixture.events("cancelled_event.ics")
        #expect(events.map(\.status) == [.cancelled, .tentative])
    }

    @Test func missingUIDAndSummaryAreFilledWithWarnings() throws {
        let raw = try ICSFixture.raw(
            text: "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20250101T100000Z\nEND:VEVENT\nEND:VCALENDAR\n")
        let first = CalendarAdapter.normalize(raw, hubZone: ICSFixture.utc)
        let second = CalendarAdapter.normalize(raw, hubZone: ICSFixture.utc)
        let e = try #require(first.events.first)
        #expect(e.title == CalendarAdapter.untitled)
        #expect(e.uid.count == 64)
        #expect(e.uid == second.events.first?.uid)
        #expect(first.warnings.count == 2)
    }

    @Test func recurrenceFieldsAreCarried() throws {
        let events = try ICSFixture.events("mixed_series.ics")
        #expect(events[0].rrules == ["FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8"])
        #expect(events[0].exdates.count == 1)
        #expect(events[0].rdates.count == 1)
        #expect(events[1].recurrenceID != nil)
    }
}

@Suite("ICalDuration")
struct ICalDurationTests {
    @Test(arguments: [
        ("P1D", 1, 0), ("PT1H30M", 0, 5400), ("-PT15M", 0, -900), ("P2W", 14, 0),
        ("P1DT2H", 1, 7200), ("PT0S", 0, 0), ("+P3DT4H5M6S", 3, 14706),
    ])
    func parses(text: String, days: Int, seconds: Int) throws {
        let d = try #require(ICalDuration(text))
        #expect(d.days == days)
        #expect(d.seconds == seconds)
    }

    @Test(arguments: ["", "P", "PT", "1D", "PT1D", "P1H", "P1.5D", "PTH"])
    func rejects(text: String) {
        #expect(ICalDuration(text) == nil)
    }

    @Test func dayKeepsWallClockAcrossDST() {
        let start = EventTime.zoned(
            CivilDateTime(year: 2025, month: 3, day: 29, hour: 10, minute: 0), tzid: "Europe/Berlin")
        let oneDay = ICalDuration("P1D")!.added(to: start, hubZone: ICSFixture.utc)
        let hours = ICalDuration("PT24H")!.added(to: start, hubZone: ICSFixture.utc)
        #expect(oneDay.civil.hour == 10)
        #expect(hours.civil.hour == 11)
    }
}
