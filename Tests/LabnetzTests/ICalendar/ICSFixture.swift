import FeedModel
import Foundation
import Testing

@testable import Parsing

/// Loads the iCalendar fixtures and turns results into short strings that tests can compare.
enum ICSFixture {
    static let utc = TimeZone(identifier: "UTC")!
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/ics/\(name)")
        return try Data(contentsOf: url)
    }

    static func raw(_ name: String) throws -> RawCalendar {
        try ICalendarParser.parse(data(name)).get()
    }

    static func raw(text: String) throws -> RawCalendar {
        try ICalendarParser.parse(Data(text.utf8)).get()
    }

    static func events(_ name: String, hub: TimeZone = utc) throws -> [Event] {
        CalendarAdapter.normalize(try raw(name), hubZone: hub).events
    }

    static func instant(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, in zone: TimeZone = utc) -> Date {
        CivilDateTime(year: y, month: m, day: d, hour: h, minute: mi).instant(in: zone)
    }

    /// `YYYY-MM-DDTHH:MM+HH:MM` of an instant in `zone`: the wall clock a visitor sees.
    static func local(_ t: EventTime, in zone: TimeZone, hub: TimeZone = utc) -> String {
        if case .allDay(let d) = t { return d.isoString }
        let instant = t.instant(hub: hub)
        let offset = zone.secondsFromGMT(for: instant) / 60
        let wall = CivilDateTime(instant, in: zone).isoString.prefix(16)
        return wall + String(format: "%@%02d:%02d", offset < 0 ? "-" : "+", abs(offset) / 60, abs(offset) % 60)
    }

    static func expand(
        _ events: [Event], from: Date, to: Date, hub: TimeZone = utc, limit: Int? = nil
    ) -> [Occurrence] {
        OccurrenceExpander.occurrences(of: events, from: from, to: to, hubZone: hub, limit: limit)
    }

    /// The JSON object `inspect --json` prints for `raw`.
    static func inspect(_ raw: RawCalendar, window: InspectWindow?, limit: Int? = nil) throws -> [String: Any] {
        let text = CalendarInspectJSON.render(raw, window: window, limit: limit)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }
}
