import Foundation

/// An RFC 5545 DURATION (`P1D`, `PT1H30M`, `-PT15M`, `P2W`): nominal days plus exact seconds.
///
/// Days and weeks are kept apart from the time part because §3.3.6 makes them nominal: a day
/// added across a DST change keeps the wall-clock time, while `PT24H` does not.
public struct ICalDuration: Sendable, Hashable {
    /// Whole days, weeks included, with the sign applied.
    public var days: Int
    /// Hours, minutes and seconds in seconds, with the sign applied.
    public var seconds: Int

    public init(days: Int, seconds: Int) {
        self.days = days
        self.seconds = seconds
    }

    /// Parses DURATION text; nil when it is not one. Accepts lower case and `P1W2D`, which
    /// some producers write although the RFC grammar does not allow it.
    public init?(_ text: String) {
        var chars = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
        var sign = 1
        if chars.first == "+" || chars.first == "-" {
            sign = chars.first == "-" ? -1 : 1
            chars = chars.dropFirst()
        }
        guard chars.first == "P" else { return nil }
        chars = chars.dropFirst()
        var inTime = false
        var number = ""
        var days = 0
        var seconds = 0
        var sawComponent = false
        for ch in chars {
            if ch.isASCII, ch.isNumber {
                number.append(ch)
                continue
            }
            if ch == "T" {
                guard number.isEmpty, !inTime else { return nil }
                inTime = true
                continue
            }
            guard let n = Int(number), n < 1_000_000_000 else { return nil }
            number = ""
            sawComponent = true
            switch (ch, inTime) {
            case ("W", false): days += 7 * n
            case ("D", false): days += n
            case ("H", true): seconds += 3600 * n
            case ("M", true): seconds += 60 * n
            case ("S", true): seconds += n
            default: return nil
            }
        }
        guard number.isEmpty, sawComponent else { return nil }
        self.days = sign * days
        self.seconds = sign * seconds
    }

    /// Parses DURATION text; nil when it is not one.
    public static func parse(_ text: String) -> ICalDuration? { ICalDuration(text) }

    /// The length in seconds when every day has 86,400 of them.
    public var totalSeconds: Int { days * 86_400 + seconds }

    /// `time` moved by this duration: days on the wall clock, the time part as elapsed time.
    /// An all-day time moves by whole days only.
    public func added(to time: EventTime, hubZone: TimeZone) -> EventTime {
        added(to: time, zones: ZoneBook(hub: hubZone))
    }

    /// As `added(to:hubZone:)`, with zones (custom VTIMEZONEs included) from `zones`.
    public func added(to time: EventTime, zones: ZoneBook) -> EventTime {
        switch time {
        case .allDay(let d):
            let extra = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
            return .allDay(CivilMath.adding(days: days + extra, to: d))
        case .floating(let c):
            return .floating(CivilMath.adding(seconds: totalSeconds, to: c))
        case .utc(let c):
            return .utc(CivilMath.adding(seconds: totalSeconds, to: c))
        case .zoned(let c, let tzid):
            var shifted = c
            shifted.date = CivilMath.adding(days: days, to: c.date)
            let instant = zones.seconds(local: shifted, zoneOf: time) + seconds
            return .zoned(zones.civil(atUTC: instant, zoneOf: time), tzid: tzid)
        }
    }
}
