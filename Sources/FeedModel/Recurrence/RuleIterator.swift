import Foundation

/// Walks the instances of one RRULE in wall-clock time, period by period.
///
/// Each period (a year, month, week, day, hour, …) is filled with every day it holds, the
/// BYxxx parts filter those days, BYSETPOS picks among the result. Filtering whole periods
/// gives RFC 5545's expand/limit table without special cases, and never invents a date that
/// does not exist (no 30 February, no clamping to the month's end).
struct RuleIterator {
    let rule: RecurrenceRule
    let start: CivilDateTime
    let allDay: Bool
    private let byMonthDay: [Int]
    private let byMonth: [Int]
    private let byDay: [RecurrenceRule.WeekdayNum]
    /// The times of day of each matching day, for DAILY and coarser rules (the same in every period).
    private var dayTimes: [(Int, Int, Int)]?
    /// Bit `w` set when BYDAY names weekday `w`: days of other weekdays are skipped unread.
    private var weekdayMask: UInt8 = 0

    init(rule: RecurrenceRule, start: CivilDateTime, allDay: Bool) {
        self.rule = rule
        self.start = start
        self.allDay = allDay
        var byMonthDay = rule.byMonthDay
        var byMonth = rule.byMonth
        var byDay = rule.byDay
        // Without any day part, the rule repeats DTSTART's day, as RFC 5545 §3.3.10 implies.
        if rule.byWeekNo.isEmpty, rule.byYearDay.isEmpty, byMonthDay.isEmpty, byDay.isEmpty {
            switch rule.frequency {
            case .yearly:
                if byMonth.isEmpty { byMonth = [start.date.month] }
                byMonthDay = [start.date.day]
            case .monthly:
                byMonthDay = [start.date.day]
            case .weekly:
                byDay = [.init(ordinal: 0, weekday: CivilMath.weekday(start.date))]
            default:
                break
            }
        }
        self.byMonthDay = byMonthDay
        self.byMonth = byMonth
        self.byDay = byDay
        self.dayTimes = nil
        for entry in byDay { weekdayMask |= 1 << UInt8(entry.weekday) }
        if rule.frequency.rawValue >= RecurrenceRule.Frequency.daily.rawValue || allDay {
            self.dayTimes = times(start)
        }
    }

    /// Whether the rule can be expanded at all; sub-daily rules on a DATE make no sense.
    var isSupported: Bool {
        !(allDay && rule.frequency.rawValue < RecurrenceRule.Frequency.daily.rawValue)
    }

    /// Calls `visit` with each instance in order. Stops when `visit` returns false, COUNT or
    /// `isPastUntil` ends the rule, a period begins after `stopAfter`, or `maxSteps` periods
    /// were looked at. Without COUNT, whole periods before `skipTo` are jumped over.
    func forEach(
        skipTo: CivilDate?, stopAfter: CivilDate?, maxSteps: Int,
        isPastUntil: (CivilDateTime) -> Bool, visit: (CivilDateTime) -> Bool
    ) {
        guard isSupported else { return }
        var k = 0
        if rule.count == nil, let skipTo {
            k = max(0, periodsBetween(start, skipTo) / rule.interval - 1)
        }
        var emitted = 0
        var steps = 0
        // One buffer for every period: most periods hold one or no instance.
        var candidates: [CivilDateTime] = []
        while steps < maxSteps {
            steps += 1
            let period = period(k * rule.interval)
            let periodStart = period.start
            if periodStart.date.year > 9999 { return }
            if let stopAfter, periodStart.date > stopAfter { return }
            candidates.removeAll(keepingCapacity: true)
            let periodTimes = dayTimes ?? times(periodStart)
            for n in period.days {
                if weekdayMask != 0, weekdayMask & (1 << UInt8(CivilMath.weekday(dayNumber: n))) == 0 { continue }
                let day = CivilMath.date(fromDayNumber: n)
                guard matches(day, dayNumber: n) else { continue }
                for time in periodTimes {
                    candidates.append(CivilDateTime(date: day, hour: time.0, minute: time.1, second: time.2))
                }
            }
            if !rule.bySetPos.isEmpty { candidates = Self.select(candidates, positions: rule.bySetPos) }
            for c in candidates where c >= start {
                if isPastUntil(c) { return }
                emitted += 1
                if !visit(c) { return }
                if let count = rule.count, emitted >= count { return }
            }
            k += 1
        }
    }

    // MARK: - periods

    /// The days (as day numbers) of the period `offset` steps after DTSTART's, and its first moment.
    private struct Period {
        var days: Range<Int>
        var start: CivilDateTime
    }

    private func period(_ offset: Int) -> Period {
        switch rule.frequency {
        case .yearly:
            let year = start.date.year + offset
            let first = CivilMath.dayNumber(CivilDate(year: year, month: 1, day: 1))
            return Period(
                days: first..<first + CivilMath.daysInYear(year),
                start: midnight(CivilDate(year: year, month: 1, day: 1)))
        case .monthly:
            let first = CivilMath.firstOfMonth(index: CivilMath.monthIndex(start.date) + offset)
            let n = CivilMath.dayNumber(first)
            return Period(
                days: n..<n + CivilMath.daysInMonth(year: first.year, month: first.month), start: midnight(first))
        case .weekly:
            let first = weekStartDay(CivilMath.dayNumber(start.date)) + 7 * offset
            return Period(days: first..<first + 7, start: midnight(CivilMath.date(fromDayNumber: first)))
        case .daily:
            let day = CivilMath.adding(days: offset, to: start.date)
            let n = CivilMath.dayNumber(day)
            return Period(days: n..<n + 1, start: midnight(day))
        case .hourly, .minutely, .secondly:
            let unit = unitSeconds
            let base = CivilMath.seconds(start) / unit * unit
            let moment = CivilMath.dateTime(fromSeconds: base + offset * unit)
            let n = CivilMath.dayNumber(moment.date)
            return Period(days: n..<n + 1, start: moment)
        }
    }

    private var unitSeconds: Int {
        switch rule.frequency {
        case .hourly: return 3600
        case .minutely: return 60
        default: return 1
        }
    }

    private func midnight(_ d: CivilDate) -> CivilDateTime { CivilDateTime(date: d, hour: 0, minute: 0, second: 0) }

    private func weekStartDay(_ dayNumber: Int) -> Int {
        dayNumber - (CivilMath.weekday(dayNumber: dayNumber) - rule.weekStart + 7) % 7
    }

    /// Whole periods from DTSTART's period to the one holding `target` (may be negative).
    private func periodsBetween(_ from: CivilDateTime, _ target: CivilDate) -> Int {
        switch rule.frequency {
        case .yearly: return target.year - from.date.year
        case .monthly: return CivilMath.monthIndex(target) - CivilMath.monthIndex(from.date)
        case .weekly:
            return (weekStartDay(CivilMath.dayNumber(target)) - weekStartDay(CivilMath.dayNumber(from.date))) / 7
        case .daily: return CivilMath.dayNumber(target) - CivilMath.dayNumber(from.date)
        case .hourly, .minutely, .secondly:
            let t = CivilMath.seconds(CivilDateTime(date: target, hour: 0, minute: 0, second: 0))
            return (t - CivilMath.seconds(from)) / unitSeconds
        }
    }

    // MARK: - day filter

    private func matches(_ d: CivilDate, dayNumber: Int) -> Bool {
        if !byMonth.isEmpty, !byMonth.contains(d.month) { return false }
        if !rule.byWeekNo.isEmpty, !matchesWeekNo(d) { return false }
        if !rule.byYearDay.isEmpty {
            let doy = CivilMath.dayOfYear(d)
            let fromEnd = doy - CivilMath.daysInYear(d.year) - 1
            if !rule.byYearDay.contains(where: { $0 == doy || $0 == fromEnd }) { return false }
        }
        if !byMonthDay.isEmpty {
            let fromEnd = d.day - CivilMath.daysInMonth(year: d.year, month: d.month) - 1
            if !byMonthDay.contains(where: { $0 == d.day || $0 == fromEnd }) { return false }
        }
        if !byDay.isEmpty {
            let weekday = CivilMath.weekday(dayNumber: dayNumber)
            let ok = byDay.contains { entry in
                guard entry.weekday == weekday else { return false }
                guard entry.ordinal != 0 else { return true }
                return ordinalMatches(entry.ordinal, d)
            }
            if !ok { return false }
        }
        return true
    }

    /// `1TH`/`-1SU` count within the month for MONTHLY (and YEARLY with BYMONTH), else within
    /// the year; in WEEKLY and finer rules the ordinal has no meaning and is ignored.
    private func ordinalMatches(_ ordinal: Int, _ d: CivilDate) -> Bool {
        switch rule.frequency {
        case .monthly:
            return ordinalInMonth(ordinal, d)
        case .yearly:
            if !byMonth.isEmpty { return ordinalInMonth(ordinal, d) }
            let doy = CivilMath.dayOfYear(d)
            let last = CivilMath.daysInYear(d.year)
            return ordinal == (doy - 1) / 7 + 1 || ordinal == -((last - doy) / 7 + 1)
        default:
            return true
        }
    }

    private func ordinalInMonth(_ ordinal: Int, _ d: CivilDate) -> Bool {
        let last = CivilMath.daysInMonth(year: d.year, month: d.month)
        return ordinal == (d.day - 1) / 7 + 1 || ordinal == -((last - d.day) / 7 + 1)
    }

    /// Week 1 is the first week, starting on WKST, with at least four days in the year.
    private func week1Start(_ year: Int) -> Int {
        let jan1 = CivilMath.dayNumber(CivilDate(year: year, month: 1, day: 1))
        let begin = weekStartDay(jan1)
        return jan1 - begin <= 3 ? begin : begin + 7
    }

    private func matchesWeekNo(_ d: CivilDate) -> Bool {
        let n = CivilMath.dayNumber(d)
        var year = d.year
        if n < week1Start(year) {
            year -= 1
        } else if n >= week1Start(year + 1) {
            year += 1
        }
        let first = week1Start(year)
        let week = (n - first) / 7 + 1
        let weeks = (week1Start(year + 1) - first) / 7
        return rule.byWeekNo.contains { $0 == week || $0 == week - weeks - 1 }
    }

    // MARK: - times

    private func times(_ periodStart: CivilDateTime) -> [(Int, Int, Int)] {
        if allDay { return [(0, 0, 0)] }
        let hours: [Int]
        let minutes: [Int]
        let seconds: [Int]
        switch rule.frequency {
        case .hourly:
            hours = [periodStart.hour]
            minutes = rule.byMinute.isEmpty ? [start.minute] : rule.byMinute.sorted()
            seconds = rule.bySecond.isEmpty ? [start.second] : rule.bySecond.sorted()
        case .minutely:
            hours = [periodStart.hour]
            minutes = [periodStart.minute]
            seconds = rule.bySecond.isEmpty ? [start.second] : rule.bySecond.sorted()
        case .secondly:
            hours = [periodStart.hour]
            minutes = [periodStart.minute]
            seconds = [periodStart.second]
        default:
            hours = rule.byHour.isEmpty ? [start.hour] : rule.byHour.sorted()
            minutes = rule.byMinute.isEmpty ? [start.minute] : rule.byMinute.sorted()
            seconds = rule.bySecond.isEmpty ? [start.second] : rule.bySecond.sorted()
        }
        var out: [(Int, Int, Int)] = []
        for h in hours where rule.byHour.isEmpty || rule.byHour.contains(h) {
            for m in minutes where rule.byMinute.isEmpty || rule.byMinute.contains(m) {
                for s in seconds where rule.bySecond.isEmpty || rule.bySecond.contains(s) {
                    // A leap second in BYSECOND names the last second of the minute.
                    out.append((h, m, min(s, 59)))
                }
            }
        }
        return out
    }

    private static func select(_ candidates: [CivilDateTime], positions: [Int]) -> [CivilDateTime] {
        var picked = Set<Int>()
        for p in positions {
            let index = p > 0 ? p - 1 : candidates.count + p
            if index >= 0, index < candidates.count { picked.insert(index) }
        }
        return picked.sorted().map { candidates[$0] }
    }
}
