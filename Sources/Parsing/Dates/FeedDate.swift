import FeedModel
import Foundation

/// Parses and formats the date forms feeds use (RFC 822/1123 and W3C-DTF/ISO 8601/RFC 3339).
///
/// Hand-written over bytes because feeds carry thousands of dates and `DateFormatter` is slow,
/// mishandles two-digit years and does not know `CEST`.
public enum FeedDate {
    /// A date as written, before it is turned into an instant.
    struct Fields: Sendable, Hashable {
        var year: Int
        var month: Int
        var day: Int
        var hour = 0
        var minute = 0
        var second = 0
        var fraction: Double = 0
        var hasTime = false
        /// Seconds east of UTC; nil when the text named no zone.
        var offset: Int?
    }

    /// The instant `text` names, or nil when it is not a date this parser knows. Never traps.
    public static func parse(_ text: String) -> Date? {
        guard let f = fields(text) else { return nil }
        return date(f)
    }

    /// `parse` for UTF-8 bytes.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard let f = fields(Array(bytes.prefix(256))) else { return nil }
        return date(f)
    }

    private static func date(_ f: Fields) -> Date {
        let seconds = Double(epochSeconds(f) - (f.offset ?? 0)) + f.fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// The date as an event time: date-only text is all-day, a zoned time becomes UTC and a time
    /// without zone stays floating, so the event keeps the wall clock the source wrote.
    static func eventTime(_ text: String) -> EventTime? {
        guard let f = fields(text) else { return nil }
        if !f.hasTime { return .allDay(CivilDate(year: f.year, month: f.month, day: f.day)) }
        guard let offset = f.offset else {
            return .floating(
                CivilDateTime(
                    year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second))
        }
        return .utc(CivilDateTime(secondsSince1970: epochSeconds(f) - offset))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC, whole seconds.
    public static func rfc3339(_ date: Date) -> String {
        let c = CivilDateTime(secondsSince1970: Int(date.timeIntervalSince1970.rounded(.down)))
        return pad(c.date.year, 4) + "-" + pad(c.date.month, 2) + "-" + pad(c.date.day, 2) + "T" + pad(c.hour, 2) + ":"
            + pad(c.minute, 2) + ":" + pad(c.second, 2) + "Z"
    }

    /// `Sat, 07 Jun 2025 08:00:00 +0000`, as RSS 2.0 asks.
    public static func rfc822(_ date: Date) -> String {
        let c = CivilDateTime(secondsSince1970: Int(date.timeIntervalSince1970.rounded(.down)))
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return names[c.date.weekdayIndex] + ", " + pad(c.date.day, 2) + " " + months[c.date.month - 1] + " "
            + pad(c.date.year, 4) + " "
            + pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" + pad(c.second, 2) + " +0000"
    }

    static func fields(_ text: String) -> Fields? {
        // Copied from the contiguous storage: the UTF-8 view as a sequence is copied byte by byte.
        fields(text.utf8.withContiguousStorageIfAvailable { Array($0.prefix(256)) } ?? Array(text.utf8.prefix(256)))
    }

    /// `fields` for the first 256 bytes of a date's UTF-8.
    private static func fields(_ head: [UInt8]) -> Fields? {
        var slice = head
        var start = 0
        var end = slice.count
        while start < end, isSpace(slice[start]) { start += 1 }
        while end > start, isSpace(slice[end - 1]) { end -= 1 }
        guard end > start else { return nil }
        // Dates come trimmed nearly always: a copy only when there is something to cut.
        if start > 0 || end < slice.count { slice = Array(slice[start..<end]) }
        let f: Fields?
        if looksISO(slice) {
            var scanner = ISODateScanner(slice)
            f = scanner.scan()
        } else {
            f = RFC822DateScanner(slice).scan()
        }
        guard let f, isValid(f) else { return nil }
        return f
    }

    private static func looksISO(_ b: [UInt8]) -> Bool {
        guard b.count >= 4, b[0..<4].allSatisfy(isDigit) else { return false }
        if b.count == 4 { return true }
        if b[4] == UInt8(ascii: "-") { return true }
        return b.count >= 8 && b[4..<8].allSatisfy(isDigit)
    }

    private static func isValid(_ f: Fields) -> Bool {
        guard (1...9999).contains(f.year), (1...12).contains(f.month), f.day >= 1,
            f.day <= CivilDate.days(inMonth: f.month, year: f.year), (0...23).contains(f.hour),
            (0...59).contains(f.minute),
            (0...60).contains(f.second)
        else { return false }
        if let o = f.offset, abs(o) > 18 * 3600 { return false }
        return true
    }

    /// Seconds since 1970 for the wall-clock fields read as UTC; a leap second folds onto the next.
    static func epochSeconds(_ f: Fields) -> Int {
        CivilDateTime(
            year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: min(f.second, 60)
        )
        .secondsSince1970
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
}
