import Foundation

/// How far an event's end lies from its start, in the terms that survive being moved to
/// another instance: whole days for dates, wall-clock seconds within one zone, else elapsed time.
enum OccurrenceSpan: Sendable, Hashable {
    case days(Int)
    case wallSeconds(Int)
    case elapsedSeconds(Int)

    init?(start: EventTime, end: EventTime?, hubZone: TimeZone) {
        self.init(start: start, end: end, zones: ZoneBook(hub: hubZone))
    }

    init?(start: EventTime, end: EventTime?, zones: ZoneBook) {
        guard let end else { return nil }
        switch (start, end) {
        case (.allDay(let s), _):
            self = .days(CivilMath.dayNumber(end.civil.date) - CivilMath.dayNumber(s))
        case (.utc(let s), .utc(let e)), (.floating(let s), .floating(let e)):
            self = .wallSeconds(CivilMath.seconds(e) - CivilMath.seconds(s))
        case (.zoned(let s, let a), .zoned(let e, let b)) where a == b:
            self = .wallSeconds(CivilMath.seconds(e) - CivilMath.seconds(s))
        default:
            self = .elapsedSeconds(zones.seconds(end) - zones.seconds(start))
        }
    }

    /// Roughly how many days the span covers, for widening a search window.
    var approximateDays: Int {
        switch self {
        case .days(let d): return max(0, d)
        case .wallSeconds(let s), .elapsedSeconds(let s): return max(0, s / 86_400 + 1)
        }
    }

    /// The end of an instance that starts at `start`.
    func end(from start: EventTime, hubZone: TimeZone) -> EventTime {
        end(from: start, zones: ZoneBook(hub: hubZone))
    }

    func end(from start: EventTime, zones: ZoneBook) -> EventTime {
        switch (self, start) {
        case (.days(let n), .allDay(let d)):
            return .allDay(CivilMath.adding(days: n, to: d))
        case (.days(let n), _):
            return Self.withCivil(start, CivilMath.adding(seconds: n * 86_400, to: start.civil))
        case (.wallSeconds(let s), _):
            return Self.withCivil(start, CivilMath.adding(seconds: s, to: start.civil))
        case (.elapsedSeconds(let s), _):
            return Self.withCivil(start, zones.civil(atUTC: zones.seconds(start) + s, zoneOf: start))
        }
    }

    /// `civil` in the same form (date, UTC, zone or floating) as `template`.
    static func withCivil(_ template: EventTime, _ civil: CivilDateTime) -> EventTime {
        switch template {
        case .allDay: return .allDay(civil.date)
        case .utc: return .utc(civil)
        case .zoned(_, let tzid): return .zoned(civil, tzid: tzid)
        case .floating: return .floating(civil)
        }
    }
}
