import FeedModel
import Foundation
import Testing

@testable import Parsing

@Suite("ICalendarParser")
struct ICalendarParserTests {
    @Test func unfoldsCRLFWithSpaceAndTab() throws {
        let raw = try ICSFixture.raw("folded_crlf.ics")
        let e = try #require(raw.events.first)
        #expect(e.summary == "Offenes Labor mit Reparatur")
        #expect(e.description == "Erste Zeilezweiter Teil")
        #expect(e.line == 5)
    }

    @Test func unfoldsBareLFInsideAMultiByteWord() throws {
        let raw = try ICSFixture.raw("folded_lf.ics")
        #expect(raw.events.first?.summary == "Stadtrundgang zur Grünfläche")
    }

    @Test func unescapesText() throws {
        let e = try #require(try ICSFixture.raw("escaped_text.ics").events.first)
        #expect(e.summary == "Daten, Karten; Code")
        #expect(e.description == "Zeile 1\nZeile 2\nZeile 3 C:\\lab")
        #expect(e.location == "Rathaus, Raum 2")
        #expect(e.categories == ["Workshop", "Open Data, Karten", "Kinder"])
    }

    @Test func readsTZIDAndSkipsVTimezone() throws {
        let raw = try ICSFixture.raw("tzid_berlin.ics")
        #expect(raw.events.count == 2)
        let winter = CivilDateTime(year: 2025, month: 1, day: 15, hour: 19, minute: 0)
        #expect(raw.events[0].dtstart == .zoned(winter, tzid: "Europe/Berlin"))
        #expect(raw.events[0].tzid == "Europe/Berlin")
        #expect(raw.events[1].tzid == "Europe/Berlin")  // quoted parameter value
        #expect(raw.warnings.isEmpty)
    }

    @Test func readsUTC() throws {
        let e = try #require(try ICSFixture.raw("utc.ics").events.first)
        #expect(e.dtstart == .utc(CivilDateTime(year: 2025, month: 5, day: 20, hour: 17, minute: 0)))
        #expect(e.tzid == "UTC")
    }

    @Test func readsFloatingAndCalendarProperties() throws {
        let raw = try ICSFixture.raw("floating_wr_timezone.ics")
        #expect(raw.name == "Digitallabor Musterstadt")
        #expect(raw.defaultTZID == "Europe/Berlin")
        #expect(
            raw.events.first?.dtstart == .floating(CivilDateTime(year: 2025, month: 7, day: 10, hour: 18, minute: 0)))
        #expect(raw.events.first?.tzid == nil)
    }

    @Test func readsAllDay() throws {
        let e = try #require(try ICSFixture.raw("all_day.ics").events.first)
        #expect(e.dtstart == .allDay(CivilDate(year: 2025, month: 6, day: 28)))
        #expect(e.dtend == .allDay(CivilDate(year: 2025, month: 6, day: 30)))
    }

    @Test func badDTStartWarnsWithLineAndKeepsOthers() throws {
        let raw = try ICSFixture.raw("bad_dtstart.ics")
        #expect(raw.warnings.contains { $0.line == 13 && $0.message.contains("DTSTART") })
        let events = CalendarAdapter.normalize(raw, hubZone: ICSFixture.utc).events
        #expect(events.map(\.uid) == ["good-1@test", "good-2@test"])
    }

    @Test func countsSeveralCalendars() throws {
        let raw = try ICSFixture.raw("two_calendars.ics")
        #expect(raw.calendars == 2)
        #expect(raw.events.map(\.calendar) == [0, 1])
        #expect(raw.name == "Erster Kalender")
    }

    @Test func rejectsADocumentWithoutCalendar() {
        let result = ICalendarParser.parse(Data("<html><body>Nope</body></html>".utf8))
        #expect(throws: ParseFailure.self) { try result.get() }
    }

    @Test func unknownTZIDKeepsNameAndWarnsOnce() throws {
        let raw = try ICSFixture.raw(
            text: """
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                UID:x
                DTSTART;TZID=Mars Standard Time:20250101T100000
                DTEND;TZID=Mars Standard Time:20250101T110000
                END:VEVENT
                END:VCALENDAR
                """)
        #expect(
            raw.events.first?.dtstart
                == .zoned(CivilDateTime(year: 2025, month: 1, day: 1, hour: 10, minute: 0), tzid: "Mars Standard Time"))
        #expect(raw.warnings.filter { $0.message.contains("Mars Standard Time") }.count == 1)
    }

    @Test func resolvesWindowsAndPrefixedTZIDs() throws {
        let raw = try ICSFixture.raw(
            text: """
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                UID:x
                DTSTART;TZID=W. Europe Standard Time:20250101T100000
                DTEND;TZID=/mozilla.org/20050126_1/Europe/Berlin:20250101T110000
                END:VEVENT
                END:VCALENDAR
                """)
        let e = try #require(raw.events.first)
        #expect(e.tzid == "W. Europe Standard Time")
        #expect(
            e.dtstart == .zoned(CivilDateTime(year: 2025, month: 1, day: 1, hour: 10, minute: 0), tzid: "Europe/Berlin")
        )
        #expect(
            e.dtend == .zoned(CivilDateTime(year: 2025, month: 1, day: 1, hour: 11, minute: 0), tzid: "Europe/Berlin"))
    }

    @Test func readsListsPeriodsAndBadValues() throws {
        let raw = try ICSFixture.raw(
            text: """
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                UID:x
                DTSTART:20250101T100000Z
                RDATE:20250105T100000Z,20250106T100000Z
                RDATE;VALUE=PERIOD:20250110T100000Z/20250110T120000Z
                EXDATE:20250102T100000Z,kaputt
                SEQUENCE:zwei
                DURATION:eine Stunde
                END:VEVENT
                END:VCALENDAR
                """)
        let e = try #require(raw.events.first)
        #expect(e.rdates.count == 2)
        #expect(e.rdatePeriods == ["20250110T100000Z/20250110T120000Z"])
        #expect(e.exdates.count == 1)
        #expect(e.sequence == nil)
        #expect(e.duration == nil)
        #expect(raw.warnings.map(\.line) == [7, 8, 9])
    }

    @Test func decodesWindows1252WithAWarning() throws {
        var bytes = Array("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20250101T100000Z\nSUMMARY:Gr".utf8)
        bytes += [0xFC, 0x6E]  // "ün" in windows-1252, invalid as UTF-8
        bytes += Array("\nEND:VEVENT\nEND:VCALENDAR\n".utf8)
        let raw = try ICalendarParser.parse(Data(bytes)).get()
        #expect(raw.events.first?.summary == "Grün")
        #expect(raw.warnings.contains { $0.message.contains("windows-1252") })
    }
}
