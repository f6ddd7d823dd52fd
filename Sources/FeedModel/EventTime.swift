import Foundation

/// When an event starts or ends, kept in the form the source wrote it.
public enum EventTime: Hashable, Sendable, Codable, Comparable {
    /// A DATE value: an all-day event.
    case allDay(CivilDate)
    /// A DATE-TIME in UTC (`…Z`).
    case utc(CivilDateTime)
    /// A DATE-TIME with a TZID (IANA, or resolved to one by the parser).
    case zoned(CivilDateTime, tzid: String)
    /// A floating DATE-TIME: read in the hub time zone.
    case floating(CivilDateTime)

    public var isAllDay: Bool {
        if case .allDay = self { return true }
        return false
    }

    /// The zone that gives this time its instant; unknown TZIDs and floating times use `hubZone`.
    public func zone(hub hubZone: TimeZone) -> TimeZone {
        switch self {
        case .utc: return TimeZone(identifier: "UTC")!
        case .zoned(_, let tzid): return TimeZone(identifier: tzid) ?? hubZone
        case .allDay, .floating: return hubZone
        }
    }

    /// The wall-clock value as written.
    public var civil: CivilDateTime {
        switch self {
        case .allDay(let d): return CivilDateTime(date: d, hour: 0, minute: 0, second: 0)
        case .utc(let c), .floating(let c), .zoned(let c, _): return c
        }
    }

    /// The instant; an all-day date is its midnight in `hubZone`.
    public func instant(hub hubZone: TimeZone) -> Date {
        civil.instant(in: zone(hub: hubZone))
    }

    /// The local calendar day in the hub zone.
    public func localDate(hub hubZone: TimeZone) -> CivilDate {
        if case .allDay(let d) = self { return d }
        return CivilDateTime(instant(hub: hubZone), in: hubZone).date
    }

    /// Orders by instant as if every zone were UTC; good enough for stable sorting only.
    public static func < (a: EventTime, b: EventTime) -> Bool {
        let utc = TimeZone(identifier: "UTC")!
        return a.instant(hub: utc) < b.instant(hub: utc)
    }
}
