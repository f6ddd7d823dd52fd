import FeedModel

/// An occurrence time packed for `inspect`'s rows: 16 bytes where an `EventTime` takes 72, so
/// that tens of thousands of rows stay small while they are collected and sorted. Exact for
/// every time a calendar can hold (the parser and the expander keep years within 0...9999).
struct InspectTime {
    enum Kind: UInt8 {
        case allDay, utc, zoned, floating
    }

    var year: Int32
    var month: UInt8
    var day: UInt8
    var hour: UInt8
    var minute: UInt8
    var second: UInt8
    var kind: Kind
    /// For `.zoned`: the TZID's index in `InspectZones`.
    var zone: Int32

    init(_ c: CivilDateTime, kind: Kind, zone: Int32 = -1) {
        year = Int32(truncatingIfNeeded: c.date.year)
        month = UInt8(truncatingIfNeeded: c.date.month)
        day = UInt8(truncatingIfNeeded: c.date.day)
        hour = UInt8(truncatingIfNeeded: c.hour)
        minute = UInt8(truncatingIfNeeded: c.minute)
        second = UInt8(truncatingIfNeeded: c.second)
        self.kind = kind
        self.zone = zone
    }

    var isAllDay: Bool { kind == .allDay }

    var civil: CivilDateTime {
        CivilDateTime(
            date: CivilDate(year: Int(year), month: Int(month), day: Int(day)), hour: Int(hour), minute: Int(minute),
            second: Int(second))
    }
}
