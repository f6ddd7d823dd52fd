import Foundation

/// Proleptic Gregorian arithmetic on wall-clock values, free of any time zone.
///
/// Recurrence rules are defined on wall-clock dates, so expanding them in civil time and
/// converting each result once keeps 10:00 at 10:00 across DST changes.
enum CivilMath {
    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil algorithm).
    static func dayNumber(_ d: CivilDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func date(fromDayNumber n: Int) -> CivilDate {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return CivilDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysInYear(_ year: Int) -> Int { isLeap(year) ? 366 : 365 }

    static func isValid(_ d: CivilDate) -> Bool {
        (1...12).contains(d.month) && d.day >= 1 && d.day <= daysInMonth(year: d.year, month: d.month)
    }

    /// ISO weekday index: 0 = Monday … 6 = Sunday.
    static func weekday(dayNumber n: Int) -> Int {
        // 1970-01-01 was a Thursday (index 3).
        ((n % 7) + 7 + 3) % 7
    }

    static func weekday(_ d: CivilDate) -> Int { weekday(dayNumber: dayNumber(d)) }

    /// 1-based day of the year.
    static func dayOfYear(_ d: CivilDate) -> Int {
        dayNumber(d) - dayNumber(CivilDate(year: d.year, month: 1, day: 1)) + 1
    }

    static func adding(days: Int, to d: CivilDate) -> CivilDate {
        date(fromDayNumber: dayNumber(d) + days)
    }

    /// Seconds since 1970-01-01T00:00:00 as if the wall clock were UTC.
    static func seconds(_ c: CivilDateTime) -> Int {
        dayNumber(c.date) * 86_400 + c.hour * 3600 + c.minute * 60 + c.second
    }

    static func dateTime(fromSeconds s: Int) -> CivilDateTime {
        let days = s >= 0 ? s / 86_400 : -((-s + 86_399) / 86_400)
        let rest = s - days * 86_400
        return CivilDateTime(
            date: date(fromDayNumber: days), hour: rest / 3600, minute: (rest % 3600) / 60, second: rest % 60)
    }

    static func adding(seconds: Int, to c: CivilDateTime) -> CivilDateTime {
        dateTime(fromSeconds: Self.seconds(c) + seconds)
    }

    /// Months since year 0, for month-sized steps without clamping.
    static func monthIndex(_ d: CivilDate) -> Int { d.year * 12 + (d.month - 1) }

    static func firstOfMonth(index: Int) -> CivilDate {
        let year = index >= 0 ? index / 12 : -((-index + 11) / 12)
        return CivilDate(year: year, month: index - year * 12 + 1, day: 1)
    }
}
