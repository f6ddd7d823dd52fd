import FeedModel
import Foundation
import Merging
import Testing

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
}
