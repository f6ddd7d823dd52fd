import FeedModel

/// German names for the agenda, fixed here so output never depends on the machine's locale.
enum GermanDates {
    /// Monday first, as `CivilDate.weekdayIndex` counts.
    static let weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    static let months = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
        "Dezember",
    ]

    /// "Samstag, 5. Dezember 2026"
    static func long(_ date: CivilDate) -> String {
        "\(weekdays[date.weekdayIndex]), \(date.day). \(months[date.month - 1]) \(date.year)"
    }

    /// "18:00"
    static func time(_ t: CivilDateTime) -> String {
        String(t.hour).leftPad2 + ":" + String(t.minute).leftPad2
    }
}

extension String {
    fileprivate var leftPad2: String { count < 2 ? "0" + self : self }
}
