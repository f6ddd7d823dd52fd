import FeedModel
import Foundation

extension MergedEvent {
    /// SHA-256 of everything a subscriber sees of the event except the stamps the hub sets itself
    /// (SEQUENCE, LAST-MODIFIED, DTSTAMP, CREATED): when it changes, SEQUENCE goes up by one.
    public var contentHash: String {
        var text = ""
        for event in [event] + overrides { Self.describe(event, into: &text) }
        for ref in sources { text += "S\(ref.member)\u{1F}\(ref.source)\u{1F}\(ref.uid)\u{1F}\(ref.url ?? "")\u{1E}" }
        return SHA256.hex(text)
    }

    private static func describe(_ e: Event, into text: inout String) {
        let fields: [String] = [
            e.recurrenceID.map(describe) ?? "", e.title, e.summary ?? "", e.url ?? "", e.location ?? "",
            describe(e.start), e.end.map(describe) ?? "", e.status.rawValue, e.rrules.joined(separator: "\u{1D}"),
            e.rdates.map(describe).joined(separator: "\u{1D}"), e.exdates.map(describe).joined(separator: "\u{1D}"),
            e.categories.joined(separator: "\u{1D}"),
        ]
        text += "E" + fields.joined(separator: "\u{1F}") + "\u{1E}"
    }

    private static func describe(_ time: EventTime) -> String {
        switch time {
        case .allDay(let d): return "D" + d.basicString
        case .utc(let c): return "U" + c.basicString
        case .zoned(let c, let tzid): return "Z" + c.basicString + tzid
        case .floating(let c): return "F" + c.basicString
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
