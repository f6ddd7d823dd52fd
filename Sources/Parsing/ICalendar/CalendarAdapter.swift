import FeedModel
import Foundation

/// Turns a `RawCalendar` into normalized events.
public enum CalendarAdapter {
    /// Title used when a VEVENT has no SUMMARY.
    public static let untitled = "(ohne Titel)"

    /// One `Event` per VEVENT, in document order, plus the parser's and its own warnings.
    public static func normalize(_ raw: RawCalendar, hubZone: TimeZone) -> ParseResult {
        var warnings = raw.warnings
        // X-WR-TIMEZONE is how Google and others say which zone their floating times mean.
        let floatingZone = raw.defaultTZID.flatMap { TimeZone(identifier: $0) != nil ? $0 : nil }
        if let tz = raw.defaultTZID, floatingZone == nil {
            warnings.append(ParseWarning("unknown X-WR-TIMEZONE \(tz); floating times use the hub time zone"))
        }
        var events: [Event] = []
        for r in raw.events {
            guard let event = event(r, floatingZone: floatingZone, hubZone: hubZone, warnings: &warnings) else {
                continue
            }
            events.append(event)
        }
        return ParseResult(
            format: .iCalendar, version: "icalendar", title: raw.name, events: events, warnings: warnings)
    }

    /// The Event of one VEVENT; nil only when it has no DTSTART (the parser drops those).
    static func event(
        _ r: RawCalendarEvent, floatingZone: String?, hubZone: TimeZone, warnings: inout [ParseWarning]
    ) -> Event? {
        func anchored(_ t: EventTime) -> EventTime {
            guard case .floating(let c) = t, let floatingZone else { return t }
            return .zoned(c, tzid: floatingZone)
        }
        guard let rawStart = r.dtstart else { return nil }
        let start = anchored(rawStart)
        let title = r.summary?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if title.isEmpty { warnings.append(ParseWarning(line: r.line, "VEVENT without SUMMARY")) }
        var uid = r.uid?.trimmingCharacters(in: .whitespaces) ?? ""
        if uid.isEmpty {
            uid = SHA256.hex((r.summary ?? "") + "\u{1F}" + rawStart.civil.basicString)
            warnings.append(ParseWarning(line: r.line, "VEVENT without UID; using a hash of summary and start"))
        }
        var end = r.dtend.map(anchored)
        if end == nil, let text = r.duration {
            if let duration = ICalDuration(text) {
                end = duration.added(to: start, hubZone: hubZone)
            } else {
                warnings.append(ParseWarning(line: r.line, "DURATION \(text) is not a duration"))
            }
        }
        var rdates = r.rdates.map(anchored)
        for period in r.rdatePeriods {
            // A PERIOD's own end is lost here; the instance takes the event's length.
            if let periodStart = periodStart(period, like: rawStart) {
                rdates.append(anchored(periodStart))
            } else {
                warnings.append(ParseWarning(line: r.line, "RDATE period \(period) is not a period"))
            }
        }
        return Event(
            uid: uid, recurrenceID: r.recurrenceID.map(anchored), title: title.isEmpty ? untitled : title,
            summary: r.description, url: r.url, location: r.location, start: start, end: end,
            status: status(r.status), rrules: r.rrules, rdates: rdates, exdates: r.exdates.map(anchored),
            categories: r.categories, sequence: r.sequence, lastModified: r.lastModified)
    }

    static func status(_ text: String?) -> EventStatus {
        switch text {
        case "CANCELLED": return .cancelled
        case "TENTATIVE": return .tentative
        default: return .confirmed
        }
    }

    /// The start of a PERIOD (`start/end` or `start/duration`); a time without `Z` takes the
    /// zone of DTSTART, since the period text no longer carries its TZID.
    static func periodStart(_ period: String, like dtstart: EventTime) -> EventTime? {
        guard let first = period.split(separator: "/").first else { return nil }
        return ICalValue.time(String(first), tzid: dtstart.tzidIfZoned)
    }

    /// The end of a PERIOD, from its end time or its duration.
    static func periodEnd(_ period: String, like dtstart: EventTime, hubZone: TimeZone) -> EventTime? {
        let parts = period.split(separator: "/").map(String.init)
        guard parts.count == 2, let start = periodStart(period, like: dtstart) else { return nil }
        if let duration = ICalDuration(parts[1]) { return duration.added(to: start, hubZone: hubZone) }
        return ICalValue.time(parts[1], tzid: dtstart.tzidIfZoned)
    }
}

extension EventTime {
    var tzidIfZoned: String? {
        if case .zoned(_, let tzid) = self { return tzid }
        return nil
    }
}
