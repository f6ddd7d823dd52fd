import FeedModel
import Foundation

extension MergedEvent {
    /// SHA-256 of everything a subscriber sees of the event except the stamps the hub sets itself
    /// (SEQUENCE, LAST-MODIFIED, DTSTAMP, CREATED): when it changes, SEQUENCE goes up by one.
    public var contentHash: String {
        var text: [UInt8] = []
        return contentHash(buffer: &text)
    }

    /// `contentHash`, its text written into `buffer` (emptied first): the merger passes one buffer
    /// for all events, so taking the hash makes no String and no array per event. The text is UTF-8
    /// of the fields, each followed by U+1F, events by U+1E; stored hashes depend on every byte.
    func contentHash(buffer text: inout [UInt8]) -> String {
        text.removeAll(keepingCapacity: true)
        text.reserveCapacity(512)
        Self.describe(event, into: &text)
        for override in overrides { Self.describe(override, into: &text) }
        for ref in sources {
            text.append(UInt8(ascii: "S"))
            text.append(contentsOf: ref.member.utf8)
            text.append(0x1F)
            text.append(contentsOf: ref.source.utf8)
            text.append(0x1F)
            text.append(contentsOf: ref.uid.utf8)
            text.append(0x1F)
            if let url = ref.url { text.append(contentsOf: url.utf8) }
            text.append(0x1E)
        }
        return text.withUnsafeBytes { SHA256.hex($0) }
    }

    private static func describe(_ e: Event, into text: inout [UInt8]) {
        text.append(UInt8(ascii: "E"))
        if let recurrenceID = e.recurrenceID { describe(recurrenceID, into: &text) }
        text.append(0x1F)
        text.append(contentsOf: e.title.utf8)
        text.append(0x1F)
        if let summary = e.summary { text.append(contentsOf: summary.utf8) }
        text.append(0x1F)
        if let url = e.url { text.append(contentsOf: url.utf8) }
        text.append(0x1F)
        if let location = e.location { text.append(contentsOf: location.utf8) }
        text.append(0x1F)
        describe(e.start, into: &text)
        text.append(0x1F)
        if let end = e.end { describe(end, into: &text) }
        text.append(0x1F)
        text.append(contentsOf: e.status.rawValue.utf8)
        text.append(0x1F)
        for (i, rule) in e.rrules.enumerated() {
            if i > 0 { text.append(0x1D) }
            text.append(contentsOf: rule.utf8)
        }
        text.append(0x1F)
        for (i, date) in e.rdates.enumerated() {
            if i > 0 { text.append(0x1D) }
            describe(date, into: &text)
        }
        text.append(0x1F)
        for (i, date) in e.exdates.enumerated() {
            if i > 0 { text.append(0x1D) }
            describe(date, into: &text)
        }
        text.append(0x1F)
        for (i, category) in e.categories.enumerated() {
            if i > 0 { text.append(0x1D) }
            text.append(contentsOf: category.utf8)
        }
        text.append(0x1E)
    }

    /// Distinct text per value; numbers instead of formatted dates, since this runs per event.
    private static func describe(_ time: EventTime, into text: inout [UInt8]) {
        switch time {
        case .allDay(let d):
            text.append(UInt8(ascii: "D"))
            appendDecimal(d.dayNumber, to: &text)
        case .utc(let c):
            text.append(UInt8(ascii: "U"))
            appendDecimal(c.secondsSince1970, to: &text)
        case .zoned(let c, let tzid):
            text.append(UInt8(ascii: "Z"))
            appendDecimal(c.secondsSince1970, to: &text)
            text.append(contentsOf: tzid.utf8)
        case .floating(let c):
            text.append(UInt8(ascii: "F"))
            appendDecimal(c.secondsSince1970, to: &text)
        }
    }

    /// The digits of `value` as `String(value)` spells them.
    private static func appendDecimal(_ value: Int, to text: inout [UInt8]) {
        if value < 0 { text.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let first = text.count
        repeat {
            text.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        text[first...].reverse()
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
