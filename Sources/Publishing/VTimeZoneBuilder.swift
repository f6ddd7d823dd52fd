import Foundation

/// Builds a VTIMEZONE for an IANA zone from its current DST rules, as calendar clients expect.
enum VTimeZoneBuilder {
    /// Writes the zone's STANDARD and DAYLIGHT rules as observed in `year`.
    static func write(_ zone: TimeZone, year: Int, into writer: inout ICSWriter) {
        writer.line("BEGIN", "VTIMEZONE")
        writer.line("TZID", zone.identifier)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 0)
        var transitions: [Date] = []
        var cursor = start
        while transitions.count < 2, let next = zone.nextDaylightSavingTimeTransition(after: cursor),
            next < start.addingTimeInterval(366 * 86400)
        {
            transitions.append(next)
            cursor = next
        }
        if transitions.count < 2 {
            let offset = zone.secondsFromGMT(for: start)
            component("STANDARD", from: offset, to: offset, at: nil, zone: zone, writer: &writer)
        } else {
            for transition in transitions.sorted(by: {
                zone.isDaylightSavingTime(for: $0) && !zone.isDaylightSavingTime(for: $1)
            }) {
                let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
                let after = zone.secondsFromGMT(for: transition)
                let name = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
                component(name, from: before, to: after, at: transition, zone: zone, writer: &writer)
            }
        }
        writer.line("END", "VTIMEZONE")
    }

    private static func component(
        _ name: String, from before: Int, to after: Int, at transition: Date?, zone: TimeZone, writer: inout ICSWriter
    ) {
        writer.line("BEGIN", name)
        writer.line("TZOFFSETFROM", offset(before))
        writer.line("TZOFFSETTO", offset(after))
        if let transition {
            // The rule's wall-clock time is given in the offset in force before the change.
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(secondsFromGMT: before)!
            let c = utc.dateComponents([.month, .day, .hour, .minute, .weekday], from: transition)
            let month = c.month ?? 1, day = c.day ?? 1
            let daysInMonth = utc.range(of: .day, in: .month, for: transition)?.count ?? 31
            let ordinal = day + 7 > daysInMonth ? -1 : (day - 1) / 7 + 1
            let weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][((c.weekday ?? 1) - 1) % 7]
            let firstDay = firstMatchingDay(month: month, ordinal: ordinal, weekday: c.weekday ?? 1)
            writer.line(
                "DTSTART", String(format: "1970%02d%02dT%02d%02d00", month, firstDay, c.hour ?? 0, c.minute ?? 0))
            writer.line("RRULE", "FREQ=YEARLY;BYMONTH=\(month);BYDAY=\(ordinal)\(weekday)")
        } else {
            writer.line("DTSTART", "19700101T000000")
        }
        // Foundation names Berlin's zones "GMT+1"; such a TZNAME says nothing, so leave it out.
        if let abbreviation = zone.abbreviation(for: transition ?? Date(timeIntervalSince1970: 0)),
            !abbreviation.hasPrefix("GMT")
        {
            writer.line("TZNAME", abbreviation)
        }
        writer.line("END", name)
    }

    /// The day in 1970 that the yearly rule selects, so DTSTART is itself an occurrence.
    private static func firstMatchingDay(month: Int, ordinal: Int, weekday: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let days = (1...31).filter { day in
            guard let date = calendar.date(from: DateComponents(year: 1970, month: month, day: day)),
                calendar.component(.month, from: date) == month
            else { return false }
            return calendar.component(.weekday, from: date) == weekday
        }
        guard !days.isEmpty else { return 1 }
        return ordinal < 0 ? days[days.count + ordinal] : days[min(ordinal, days.count) - 1]
    }

    /// UTC-OFFSET value, e.g. `+0100`.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let a = abs(seconds)
        return sign + String(format: "%02d%02d", a / 3600, (a % 3600) / 60)
    }
}
