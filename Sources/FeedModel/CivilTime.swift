import Foundation

/// A calendar date without a time zone (an all-day date as written in the source).
public struct CivilDate: Hashable, Comparable, Sendable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`
    public var isoString: String {
        guard (0...9999).contains(year) else {
            return Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
        }
        return String(unsafeUninitializedCapacity: 10) { b in
            Self.write(year, 4, into: b, at: 0)
            b[4] = 0x2D
            Self.write(month, 2, into: b, at: 5)
            b[7] = 0x2D
            Self.write(day, 2, into: b, at: 8)
            return 10
        }
    }

    /// Writes `n` (0 ≤ n < 10^width) as `width` ASCII digits.
    static func write(_ n: Int, _ width: Int, into b: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var v = n
        for k in stride(from: offset + width - 1, through: offset, by: -1) {
            b[k] = UInt8(48 + v % 10)
            v /= 10
        }
    }

    /// `n` in decimal with leading zeros to `width` digits (a minus sign first when negative);
    /// what `String(format: "%0Nd")` gives, without Foundation's formatter on a hot path.
    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (n < 0 ? 1 : 0)))
        return (n < 0 ? "-" : "") + zeros + digits
    }

    /// `YYYYMMDD`, the iCalendar DATE form.
    public var basicString: String {
        Self.padded(year, 4) + Self.padded(month, 2) + Self.padded(day, 2)
    }
}

/// A wall-clock date and time without a zone; what a zone turns into an instant.
public struct CivilDateTime: Hashable, Comparable, Sendable, Codable {
    public var date: CivilDate
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(date: CivilDate, hour: Int, minute: Int, second: Int) {
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) {
        self.init(date: CivilDate(year: year, month: month, day: day), hour: hour, minute: minute, second: second)
    }

    public static func < (a: CivilDateTime, b: CivilDateTime) -> Bool {
        (a.date, a.hour, a.minute, a.second) < (b.date, b.hour, b.minute, b.second)
    }

    /// `YYYY-MM-DDTHH:MM:SS`
    public var isoString: String {
        let day = date.isoString
        guard day.utf8.count == 10, (0..<100).contains(hour), (0..<100).contains(minute), (0..<100).contains(second)
        else {
            return day + "T" + CivilDate.padded(hour, 2) + ":" + CivilDate.padded(minute, 2) + ":"
                + CivilDate.padded(second, 2)
        }
        return day
            + String(unsafeUninitializedCapacity: 9) { b in
                b[0] = 0x54
                CivilDate.write(hour, 2, into: b, at: 1)
                b[3] = 0x3A
                CivilDate.write(minute, 2, into: b, at: 4)
                b[6] = 0x3A
                CivilDate.write(second, 2, into: b, at: 7)
                return 9
            }
    }

    /// `YYYYMMDDTHHMMSS`, the iCalendar DATE-TIME form (without `Z`).
    public var basicString: String {
        date.basicString + "T" + CivilDate.padded(hour, 2) + CivilDate.padded(minute, 2) + CivilDate.padded(second, 2)
    }

    /// The wall-clock time of `instant` in `zone`.
    public init(_ instant: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        self.init(
            year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1,
            hour: c.hour ?? 0, minute: c.minute ?? 0, second: c.second ?? 0)
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM`: the wall-clock time of `instant` in `zone`, with the offset in effect.
    public static func isoString(_ instant: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: instant)
        let minutes = abs(offset) / 60
        return CivilDateTime(instant, in: zone).isoString + (offset < 0 ? "-" : "+") + offsetSuffix(minutes)
    }

    /// The instant this wall-clock time names in `zone`. A time in a DST gap moves forward and
    /// an ambiguous time takes its first occurrence, as RFC 5545 §3.3.5 asks.
    public func instant(in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = DateComponents(
            year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: second)
        if let exact = calendar.date(from: c), CivilDateTime(exact, in: zone) == self {
            return exact
        }
        let midnight =
            calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
            ?? Date(timeIntervalSince1970: 0)
        return calendar.nextDate(
            after: midnight.addingTimeInterval(-1),
            matching: DateComponents(hour: hour, minute: minute, second: second),
            matchingPolicy: .nextTimePreservingSmallerComponents, repeatedTimePolicy: .first, direction: .forward)
            ?? midnight
    }
}
