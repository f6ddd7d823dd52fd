import FeedModel
import Foundation
import Merging
import Testing

@testable import Parsing

@testable import Publishing

@Suite("publishing regional.ics")
struct ICSPublisherTests {
    static func input(_ events: [MergedEvent]) throws -> PublishInput {
        let folder = try RepositoryFiles.temporaryFolder()
        let config = try TestHub.config(
            in: folder,
            sources: [
                ("soest", "soest-events", "feeds/a.ics", "events"),
                ("arnsberg", "arnsberg-events", "feeds/b.ics", "events"),
            ])
        return PublishInput(
            config: config, events: events, articles: [], sources: [], now: Date(timeIntervalSince1970: 1_795_000_000))
    }

    static func merged(_ event: Event, sources: [SourceItemRef]) -> MergedEvent {
        MergedEvent(
            uid: "abc@testhub.labnetz", event: event, overrides: [], sources: sources,
            firstSeen: Date(timeIntervalSince1970: 1_790_000_000),
            lastChanged: Date(timeIntervalSince1970: 1_791_000_000))
    }

    @Test func foldsAt75OctetsWithoutSplittingUTF8AndEscapesText() throws {
        let long = String(repeating: "Größenwahn, Übermut; Ärger\\ ", count: 12) + "\nzweite Zeile"
        let event = Event(
            uid: "x", title: "Löten für Einsteiger:innen", summary: long, location: "stadtLABOR, Markt 1; Soest",
            start: .zoned(.init(year: 2026, month: 12, day: 3, hour: 18, minute: 0), tzid: "Europe/Berlin"),
            end: .utc(.init(year: 2026, month: 12, day: 3, hour: 19, minute: 30)), status: .cancelled)
        let text = ICSPublisher.render(
            try Self.input([Self.merged(event, sources: [.init(member: "soest", source: "soest-events", uid: "x")])]))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // Each physical line must be valid UTF-8 on its own: a fold inside a multi-byte sequence is not.
        var physical: [[UInt8]] = [[]]
        for byte in Array(text.utf8) {
            if byte == 0x0A {
                physical.append([])
            } else if byte != 0x0D {
                physical[physical.count - 1].append(byte)
            }
        }
        #expect(physical.count == lines.count)
        for bytes in physical {
            #expect(bytes.count <= 75, "too long: \(String(decoding: bytes, as: UTF8.self))")
            #expect(String(validating: bytes, as: UTF8.self) != nil, "split UTF-8 sequence")
        }
        // A 74-octet line shows a fold moved in front of a two-byte character rather than through it.
        #expect(physical.contains { $0.count == 74 })
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:Größenwahn\\, Übermut\\; Ärger\\\\ Größenwahn"))
        #expect(unfolded.contains("\\nzweite Zeile\r\n"))
        #expect(unfolded.contains("LOCATION:stadtLABOR\\, Markt 1\\; Soest\r\n"))
        #expect(unfolded.contains("DTSTART;TZID=Europe/Berlin:20261203T180000\r\n"))
        // 19:30 UTC is 20:30 in Berlin in December: every time is written in the hub zone.
        #expect(unfolded.contains("DTEND;TZID=Europe/Berlin:20261203T203000\r\n"))
        #expect(unfolded.contains("STATUS:CANCELLED\r\n"))
        #expect(unfolded.contains("X-LABNETZ-SOURCE:soest/soest-events/x\r\n"))
    }

    @Test func oneVTimezoneWithBerlinRulesAndAllDayDatesStayDates() throws {
        let event = Event(
            uid: "y", title: "Tag der offenen Tür", start: .allDay(.init(year: 2026, month: 12, day: 5)),
            end: .allDay(.init(year: 2026, month: 12, day: 6)), rrules: ["FREQ=YEARLY"])
        let text = ICSPublisher.render(try Self.input([Self.merged(event, sources: [])]))
        #expect(text.components(separatedBy: "BEGIN:VTIMEZONE").count == 2)
        #expect(text.contains("TZID:Europe/Berlin\r\n"))
        #expect(text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"))
        #expect(text.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20261205\r\n"))
        #expect(text.contains("DTEND;VALUE=DATE:20261206\r\n"))
        #expect(text.contains("STATUS:CONFIRMED\r\n"))
        #expect(text.contains("RRULE:FREQ=YEARLY\r\n"))
    }

    @Test(arguments: [
        (
            EventTime.floating(.init(year: 2026, month: 12, day: 3, hour: 18, minute: 0)),
            "FREQ=WEEKLY;UNTIL=20261231T180000",
            "FREQ=WEEKLY;UNTIL=20261231T170000Z"
        ),
        (
            EventTime.zoned(.init(year: 2026, month: 7, day: 3, hour: 18, minute: 0), tzid: "Europe/Berlin"),
            "FREQ=DAILY;UNTIL=20260710;INTERVAL=2", "FREQ=DAILY;UNTIL=20260710T215959Z;INTERVAL=2"
        ),
        (
            EventTime.allDay(.init(year: 2026, month: 12, day: 5)), "FREQ=YEARLY;UNTIL=20301205T000000Z",
            "FREQ=YEARLY;UNTIL=20301205"
        ),
        (
            EventTime.utc(.init(year: 2026, month: 12, day: 3, hour: 17, minute: 0)),
            "FREQ=WEEKLY;UNTIL=20261231T170000Z",
            "FREQ=WEEKLY;UNTIL=20261231T170000Z"
        ),
    ])
    func untilIsWrittenInTheFormTheStartNeeds(start: EventTime, rule: String, expected: String) throws {
        let event = Event(uid: "r", title: "Serie", start: start, rrules: [rule])
        let text = ICSPublisher.render(try Self.input([Self.merged(event, sources: [])]))
        #expect(text.contains("RRULE:\(expected)\r\n"), "\(text)")
    }

    /// regional.ics for the events of an iCalendar fixture, each its own merged event.
    static func published(_ fixture: String, hub: TimeZone, now: Date) throws -> String {
        var input = try Self.input([])
        input.config.hub.timeZone = hub
        input.now = now
        let events = CalendarAdapter.normalize(try ICSFixture.raw(fixture), hubZone: hub).events
        var byUID: [String: MergedEvent] = [:]
        var order: [String] = []
        for e in events {
            if e.recurrenceID != nil, var m = byUID[e.uid] {
                m.overrides.append(e)
                byUID[e.uid] = m
            } else if byUID[e.uid] == nil {
                var m = Self.merged(e, sources: [.init(member: "soest", source: "soest-events", uid: e.uid)])
                m.uid = SHA256.hex(e.uid) + "@test"
                byUID[e.uid] = m
                order.append(e.uid)
            }
        }
        input.events = order.compactMap { byUID[$0] }
        return ICSPublisher.render(input)
    }

    @Test(arguments: ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin", "Pacific/Chatham"])
    func allDayDatesAreNotShiftedByAnyHubZone(zone: String) throws {
        // Regression: hubs that convert DATE values through UTC publish 27 June for a 28 June event.
        let text = try Self.published(
            "all_day.ics", hub: try #require(TimeZone(identifier: zone)),
            now: Date(timeIntervalSince1970: 1_750_000_000))
        #expect(text.contains("DTSTART;VALUE=DATE:20250628\r\n"), "\(text)")
        #expect(text.contains("DTEND;VALUE=DATE:20250630\r\n"))
        let back = try ICSFixture.raw(text: text)
        #expect(back.events.first?.dtstart == .allDay(.init(year: 2025, month: 6, day: 28)))
    }

    @Test func uidsDTStampAndEverythingElseStayTheSameOnTheNextExport() throws {
        // Regression: UIDs (and DTSTAMPs) that change on every export make clients duplicate events.
        let first = try Self.published(
            "moved_instance.ics", hub: ICSFixture.berlin, now: Date(timeIntervalSince1970: 1_750_000_000))
        let second = try Self.published(
            "moved_instance.ics", hub: ICSFixture.berlin, now: Date(timeIntervalSince1970: 1_760_000_000))
        #expect(first == second)
        let uids = first.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(uids.count == 2 && Set(uids).count == 1, "master and override share the UID")
        #expect(first.contains("RECURRENCE-ID;TZID=Europe/Berlin:20250512T180000\r\n"))
        #expect(first.contains("SEQUENCE:1\r\n"))
    }

    @Test func exdatesFromOtherZonesAreWrittenLikeDTSTART() throws {
        let text = try Self.published(
            "exdate_other_zone.ics", hub: ICSFixture.berlin, now: Date(timeIntervalSince1970: 1_750_000_000))
        // 12:00 in New York and 16:00 UTC are both 18:00 in Berlin: the same TZID as DTSTART.
        #expect(text.contains("DTSTART;TZID=Europe/Berlin:20250505T180000\r\n"))
        #expect(text.contains("EXDATE;TZID=Europe/Berlin:20250512T180000\r\n"))
        #expect(text.contains("EXDATE;TZID=Europe/Berlin:20250519T180000\r\n"))
        // And a client reading it back skips the same instances.
        let back = CalendarAdapter.normalize(try ICSFixture.raw(text: text), hubZone: ICSFixture.utc).events
        let starts = ICSFixture.expand(back, from: ICSFixture.instant(2025, 5, 1), to: ICSFixture.instant(2025, 6, 30))
            .map {
                ICSFixture.local($0.start, in: ICSFixture.berlin)
            }
        #expect(starts == ["2025-05-05T18:00+02:00", "2025-05-26T18:00+02:00"])
    }

    @Test func windowsZoneEventsArePublishedInTheHubZone() throws {
        let text = try Self.published(
            "outlook_windows_zone.ics", hub: ICSFixture.berlin, now: Date(timeIntervalSince1970: 1_750_000_000))
        #expect(!text.contains("Standard Time"))
        #expect(text.contains("DTSTART;TZID=Europe/Berlin:20250324T180000\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VTIMEZONE").count == 2)
    }

    @Test func statusComesFromTheSource() throws {
        let text = try Self.published(
            "cancelled_instance.ics", hub: ICSFixture.berlin, now: Date(timeIntervalSince1970: 1_750_000_000))
        #expect(text.contains("STATUS:CANCELLED\r\n"))
        #expect(text.contains("X-WR-CALNAME:"))
        #expect(text.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"))
        #expect(text.contains("X-PUBLISHED-TTL:PT1H\r\n"))
    }
}
