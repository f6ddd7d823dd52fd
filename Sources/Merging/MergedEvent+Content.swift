import FeedModel
import Foundation

extension MergedEvent {
    /// SHA-256 of everything a subscriber sees of the event except the stamps the hub sets itself
    /// (SEQUENCE, LAST-MODIFIED, DTSTAMP, CREATED): when it changes, SEQUENCE goes up by one.
    public var contentHash: String {
        var text = ""
        text.reserveCapacity(512)
        Self.describe(event, into: &text)
        for override in overrides { Self.describe(override, into: &text) }
        for ref in sources {
            text += "S"
            text += ref.member
            text += "\u{1F}"
            text += ref.source
            text += "\u{1F}"
            text += ref.uid
            text += "\u{1F}"
            text += ref.url ?? ""
            text += "\u{1E}"
        }
        return SHA256.hex(text)
    }

    /// Appends the fields separated by U+1F, no array of them per event (this runs per merged event).
    private static func describe(_ e: Event, into text: inout String) {
        text += "E"
        if let recurrenceID = e.recurrenceID { describe(recurrenceID, into: &text) }
        text += "\u{1F}"
        text += e.title
        text += "\u{1F}"
        text += e.summary ?? ""
        text += "\u{1F}"
        text += e.url ?? ""
        text += "\u{1F}"
        text += e.location ?? ""
        text += "\u{1F}"
        describe(e.start, into: &text)
        text += "\u{1F}"
        if let end = e.end { describe(end, into: &text) }
        text += "\u{1F}"
        text += e.status.rawValue
        text += "\u{1F}"
        text += e.rrules.joined(separator: "\u{1D}")
        text += "\u{1F}"
        text += e.rdates.map(describe).joined(separator: "\u{1D}")
        text += "\u{1F}"
        text += e.exdates.map(describe).joined(separator: "\u{1D}")
        text += "\u{1F}"
        text += e.categories.joined(separator: "\u{1D}")
        text += "\u{1E}"
    }

    /// Distinct text per value; numbers instead of formatted dates, since this runs per event.
    private static func describe(_ time: EventTime, into text: inout String) {
        switch time {
        case .allDay(let d):
            text += "D"
            text += String(d.dayNumber)
        case .utc(let c):
            text += "U"
            text += String(c.secondsSince1970)
        case .zoned(let c, let tzid):
            text += "Z"
            text += String(c.secondsSince1970)
            text += tzid
        case .floating(let c):
            text += "F"
            text += String(c.secondsSince1970)
        }
    }

    private static func describe(_ time: EventTime) -> String {
        switch time {
        case .allDay(let d): return "D\(d.dayNumber)"
        case .utc(let c): return "U\(c.secondsSince1970)"
        case .zoned(let c, let tzid): return "Z\(c.secondsSince1970)" + tzid
        case .floating(let c): return "F\(c.secondsSince1970)"
        }
    }

    /// True once the event is over: its end (or start) has passed, or for a series its UNTIL.
    /// A series without UNTIL is never over.
    public func isPast(at now: Date, hubZone: TimeZone) -> Bool {
        if !event.rrules.isEmpty || !event.rdates.isEmpty {
            guard event.rdates.isEmpty, !event.rrules.isEmpty else { return false }
            let untils = event.rrules.map { rule -> Date? in
                rule.split(separator: ";").first { $0.uppercased().hasPrefix("UNTIL=") }
                    .flatMap { EventTime(iCalendar: String($0.dropFirst(6)), tzid: nil) }
                    .map {
                        $0.isAllDay ? $0.instant(hub: hubZone).addingTimeInterval(86_400) : $0.instant(hub: hubZone)
                    }
            }
            guard untils.allSatisfy({ $0 != nil }) else { return false }
            return untils.compactMap { $0 }.allSatisfy { $0 < now }
        }
        let last = event.end ?? event.start
        var end = last.instant(hub: hubZone)
        if last.isAllDay && event.end == nil { end.addTimeInterval(86_400) }
        return end <= now
    }
}
