import FeedModel

/// German names for the agenda, fixed here so output never depends on the machine's locale.
enum GermanDates {
    static let weekdays = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]
    static let months = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
        "Dezember",
    ]

    /// "Samstag, 5. Dezember 2026"
    static func long(_ date: CivilDate) -> String {
        "\(weekdays[weekday(date)]), \(date.day). \(months[date.month - 1]) \(date.year)"
    }

    /// "18:00"
    static func time(_ t: CivilDateTime) -> String {
        String(t.hour).leftPad2 + ":" + String(t.minute).leftPad2
    }

    /// 0 = Sunday, by Zeller's congruence: no Calendar, no locale.
    static func weekday(_ d: CivilDate) -> Int {
        var (y, m) = (d.year, d.month)
        if m < 3 {
            m += 12
            y -= 1
        }
        let h = (d.day + (13 * (m + 1)) / 5 + y % 100 + (y % 100) / 4 + (y / 100) / 4 + 5 * (y / 100)) % 7
        return (h + 6) % 7
    }
}

extension String {
    fileprivate var leftPad2: String { count < 2 ? "0" + self : self }
}
