import FeedModel
import Foundation
import Testing

@testable import Parsing

@Suite("CalendarInspectJSON")
struct CalendarInspectJSONTests {
    let year2025 = InspectWindow(
        from: CivilDate(year: 2025, month: 1, day: 1), to: CivilDate(year: 2025, month: 12, day: 31))

    @Test func contractExample() throws {
        let text = """
            BEGIN:VCALENDAR
            VERSION:2.0
            BEGIN:VEVENT
            UID:treffen@soest.example.org
            SUMMARY:Netzwerktreffen
            DTSTART;TZID=Europe/Berlin:20250317T180000
            DTEND;TZID=Europe/Berlin:20250317T200000
            RRULE:FREQ=WEEKLY;COUNT=3
            EXDATE;TZID=Europe/Berlin:20250324T180000
            STATUS:CONFIRMED
            END:VEVENT
            BEGIN:VEVENT
            UID:sommerfest@soest.example.org
            SUMMARY:Sommerfest
            DTSTART;VALUE=DATE:20250628
            DTEND;VALUE=DATE:20250629
            END:VEVENT
            END:VCALENDAR
            """
        let json = try ICSFixture.inspect(try ICSFixture.raw(text: text), window: year2025, limit: 500)
        #expect(json["format"] as? String == "icalendar")
        #expect(json["parse_ok"] as? Bool == true)
        #expect(json["calendars"] as? Int == 1)
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events[0]["dtstart"] as? String == "2025-03-17T18:00:00+01:00")
        #expect(events[0]["exdate"] as? [String] == ["2025-03-24T18:00:00+01:00"])
        #expect(events[0]["tzid"] as? String == "Europe/Berlin")
        #expect(events[1]["all_day"] as? Bool == true)
        #expect(events[1]["status"] is NSNull)
        #expect(json["occurrences_count"] as? Int == 3)
        #expect(json["occurrences_truncated"] as? Bool == false)
        let occ = try #require(json["occurrences"] as? [[String: Any]])
        #expect(
            occ.map { $0["start"] as? String } == [
                "2025-03-17T18:00:00+01:00", "2025-03-31T18:00:00+02:00", "2025-06-28",
            ])
        #expect(occ[2]["end"] as? String == "2025-06-29")
        #expect(occ[1]["recurrence_id"] as? String == "2025-03-31T18:00:00+02:00")
    }

    @Test func withoutWindowThereAreNoOccurrences() throws {
        let json = try ICSFixture.inspect(try ICSFixture.raw("utc.ics"), window: nil)
        #expect(json["occurrences"] == nil)
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events[0]["dtstart"] as? String == "2025-05-20T17:00:00+00:00")
        #expect(events[0]["tzid"] as? String == "UTC")
    }

    @Test func floatingStaysFloatingInEventsButTakesXWRZoneInOccurrences() throws {
        let json = try ICSFixture.inspect(try ICSFixture.raw("floating_wr_timezone.ics"), window: year2025)
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events[0]["dtstart"] as? String == "2025-07-10T18:00:00")
        let occ = try #require(json["occurrences"] as? [[String: Any]])
        #expect(occ[0]["start"] as? String == "2025-07-10T18:00:00+02:00")
    }

    @Test func limitTruncates() throws {
        let json = try ICSFixture.inspect(try ICSFixture.raw("endless_weekly.ics"), window: year2025, limit: 5)
        #expect(json["occurrences_count"] as? Int == 5)
        #expect(json["occurrences_truncated"] as? Bool == true)
    }

    @Test func durationAndNoEnd() throws {
        let json = try ICSFixture.inspect(try ICSFixture.raw("duration.ics"), window: year2025)
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events[0]["duration"] as? String == "PT1H30M")
        #expect(events[0]["dtend"] is NSNull)
        let occ = try #require(json["occurrences"] as? [[String: Any]])
        #expect(occ.map { $0["end"] as? String } == ["2025-04-10T18:30:00+02:00", "2025-04-14"])

        let moment = try ICSFixture.inspect(try ICSFixture.raw("cancelled_event.ics"), window: year2025)
        let first = try #require((moment["occurrences"] as? [[String: Any]])?.first)
        #expect(first["end"] as? String == first["start"] as? String)
        #expect(first["status"] as? String == "CANCELLED")
    }

    @Test func windowIsWallClockInTheEventsZone() throws {
        // 00:30 Berlin on 1 March is still 28 February in UTC, but the window is read in Berlin.
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:early
            DTSTART;TZID=Europe/Berlin:20250301T003000
            END:VEVENT
            END:VCALENDAR
            """
        let window = InspectWindow(
            from: CivilDate(year: 2025, month: 3, day: 1), to: CivilDate(year: 2025, month: 3, day: 1))
        let json = try ICSFixture.inspect(try ICSFixture.raw(text: text), window: window)
        #expect(json["occurrences_count"] as? Int == 1)
    }

    @Test func periodsAndOverridesAreShown() throws {
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:p
            DTSTART:20250101T100000Z
            DTEND:20250101T110000Z
            RDATE;VALUE=PERIOD:20250105T100000Z/20250105T130000Z
            END:VEVENT
            END:VCALENDAR
            """
        let json = try ICSFixture.inspect(try ICSFixture.raw(text: text), window: year2025)
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events[0]["rdate"] as? [String] == ["2025-01-05T10:00:00+00:00/2025-01-05T13:00:00+00:00"])
        let occ = try #require(json["occurrences"] as? [[String: Any]])
        #expect(occ.map { $0["end"] as? String } == ["2025-01-01T11:00:00+00:00", "2025-01-05T13:00:00+00:00"])

        let moved = try ICSFixture.inspect(try ICSFixture.raw("moved_instance.ics"), window: year2025)
        let movedOcc = try #require(moved["occurrences"] as? [[String: Any]])
        #expect(movedOcc.count == 3)
        #expect(movedOcc[1]["sequence"] as? Int == 1)
        #expect(movedOcc[1]["recurrence_id"] as? String == "2025-05-12T18:00:00+02:00")
    }

    @Test func sameUIDInTwoCalendarsAreTwoSeries() throws {
        let json = try ICSFixture.inspect(try ICSFixture.raw("two_calendars.ics"), window: year2025)
        let occ = try #require(json["occurrences"] as? [[String: Any]])
        #expect(occ.map { $0["calendar"] as? Int } == [0, 1])
    }

    @Test func escapesJSONStrings() throws {
        let text = CalendarInspectJSON.render(try ICSFixture.raw("escaped_text.ics"), window: nil, limit: nil)
        #expect(text.contains(#""summary": "Daten, Karten; Code""#))
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }
}
