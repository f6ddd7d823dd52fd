/// Zone-free calendar arithmetic for the parsers and publishers, over `CivilMath`.
extension CivilDate {
    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int { CivilMath.dayNumber(self) }

    public init(dayNumber: Int) { self = CivilMath.date(fromDayNumber: dayNumber) }

    /// ISO order: 0 = Monday … 6 = Sunday.
    public var weekdayIndex: Int { CivilMath.weekday(self) }

    /// True for a real day of the proleptic Gregorian calendar (no 30 February).
    public var isValid: Bool { CivilMath.isValid(self) }

    public static func days(inMonth month: Int, year: Int) -> Int { CivilMath.daysInMonth(year: year, month: month) }
}

extension CivilDateTime {
    /// Seconds since 1970-01-01T00:00:00, reading this wall-clock time as UTC.
    public var secondsSince1970: Int { CivilMath.seconds(self) }

    /// The UTC wall-clock time `seconds` after 1970-01-01T00:00:00.
    public init(secondsSince1970 seconds: Int) { self = CivilMath.dateTime(fromSeconds: seconds) }
}

extension CivilDateTime {
    /// `HH:MM` of a non-negative offset in minutes, for ISO offsets.
    public static func offsetSuffix(_ minutes: Int) -> String {
        CivilDate.padded(minutes / 60, 2) + ":" + CivilDate.padded(minutes % 60, 2)
    }
}
