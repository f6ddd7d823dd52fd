import FeedModel
import Foundation

extension CalendarAdapter {
    /// `events` with every time in a custom VTIMEZONE moved to an IANA zone: the first one
    /// (the hub zone, then by name) whose offsets agree over the years the events use, else
    /// the hub zone, converted instant for instant.
    static func portable(
        _ events: [Event], zones: ZoneBook, custom: [String: ZoneRules], warnings: inout [ParseWarning]
    ) -> [Event] {
        var years: [String: ClosedRange<Int>] = [:]
        for event in events {
            for case .zoned(let c, let tzid) in event.allTimes where custom[tzid] != nil {
                let y = min(max(c.date.year, 1970), 2037)
                let known = years[tzid]
                years[tzid] = min(known?.lowerBound ?? y, y)...max(known?.upperBound ?? y, y)
            }
        }
        var replacement: [String: String?] = [:]
        for (tzid, range) in years.sorted(by: { $0.key < $1.key }) {
            guard let rules = custom[tzid] else { continue }
            // Recurring events run on: check some years past the last start as well.
            let span = range.lowerBound...min(2037, range.upperBound + 10)
            let fit = candidates(hub: zones.hub).first { name in
                TimeZone(identifier: name).map { rules.agrees(with: $0, years: span) } ?? false
            }
            replacement[tzid] = .some(fit)
            if fit == nil {
                warnings.append(
                    ParseWarning(
                        "VTIMEZONE \(tzid) matches no IANA zone; its times are converted to \(zones.hub.identifier)"))
            }
        }
        let hubTime = EventTime.zoned(
            CivilDateTime(year: 2000, month: 1, day: 1, hour: 0, minute: 0), tzid: zones.hub.identifier)
        func move(_ t: EventTime) -> EventTime {
            guard case .zoned(let c, let tzid) = t, let entry = replacement[tzid] else { return t }
            if let iana = entry { return .zoned(c, tzid: iana) }
            return .zoned(zones.civil(atUTC: zones.seconds(t), zoneOf: hubTime), tzid: zones.hub.identifier)
        }
        return events.map { $0.mappingTimes(move) }
    }

    /// Zones to try, in a fixed order: the hub zone first, then region zones by name.
    private static func candidates(hub: TimeZone) -> [String] {
        let all = TimeZone.knownTimeZoneIdentifiers.filter { $0.contains("/") && !$0.hasPrefix("Etc/") }.sorted()
        return [hub.identifier] + all.filter { $0 != hub.identifier }
    }
}
