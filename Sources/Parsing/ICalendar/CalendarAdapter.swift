import FeedModel
import Foundation

/// Turns a `RawCalendar` into normalized events.
public enum CalendarAdapter {
    /// Title used when a VEVENT has no SUMMARY.
    public static let untitled = "(ohne Titel)"

    /// One `Event` per VEVENT, in document order, plus the parser's and its own warnings.
    ///
    /// Times in a calendar's own VTIMEZONE are given the IANA zone that has the same offsets
    /// over the years the events use; when none has, they are converted to the hub zone, so
    /// that stored events never depend on a definition that only this file holds.
    public static func normalize(_ raw: RawCalendar, hubZone: TimeZone) -> ParseResult {
        var warnings = raw.warnings
        let floatingZone = floatingZoneID(raw, warnings: &warnings)
        let zones = ZoneBook(hub: hubZone, custom: raw.zones)
        var events: [Event] = []
        for r in raw.events {
            guard let event = event(r, floatingZone: floatingZone, zones: zones, warnings: &warnings) else {
                continue
            }
            events.append(event)
        }
        if !raw.zones.isEmpty {
            events = portable(events, zones: zones, custom: raw.zones, warnings: &warnings)
        }
        return ParseResult(
            format: .iCalendar, version: "icalendar", title: raw.name, events: events, warnings: warnings)
    }

    /// The zone X-WR-TIMEZONE names (IANA or Windows), if any.
    static func floatingZoneID(_ raw: RawCalendar, warnings: inout [ParseWarning]) -> String? {
        // X-WR-TIMEZONE is how Google and others say which zone their floating times mean.
        guard let tz = raw.defaultTZID?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) else { return nil }
        if TimeZone(identifier: tz) != nil { return tz }
        if let iana = TZIDResolver.windowsIANA(tz) { return iana }
        warnings.append(ParseWarning("unknown X-WR-TIMEZONE \(tz); floating times use the hub time zone"))
        return nil
    }

    /// The Event of one VEVENT; nil only when it has no DTSTART (the parser drops those).
    static func event(
        _ r: RawCalendarEvent, floatingZone: String?, hubZone: TimeZone, warnings: inout [ParseWarning]
    ) -> Event? {
        event(r, floatingZone: floatingZone, zones: ZoneBook(hub: hubZone), warnings: &warnings)
    }

    static func event(
        _ r: RawCalendarEvent, floatingZone: String?, zones: ZoneBook, warnings: inout [ParseWarning]
    ) -> Event? {
        guard let dtstart = r.dtstart else { return nil }
        if !r.broken.isEmpty {
            let names = Array(Set(r.broken)).sorted().joined(separator: ", ")
            warnings.append(ParseWarning(line: r.line, "VEVENT \(r.uid ?? "") left out: unreadable \(names)"))
            return nil
        }
        // A floating series whose EXDATEs are all UTC was meant in UTC (its producer wrote
        // the exceptions by instant); read that way, the exceptions hit their instances.
        let utcSeries =
            floatingZone == nil && !r.exdates.isEmpty
            && r.exdates.allSatisfy { if case .utc = $0 { true } else { false } }
        func anchored(_ t: EventTime) -> EventTime {
            guard case .floating(let c) = t else { return t }
            if utcSeries { return .utc(c) }
            guard let floatingZone else { return t }
            return .zoned(c, tzid: floatingZone)
        }
        let rawStart = dtstart
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
                end = duration.added(to: start, zones: zones)
            } else {
                warnings.append(ParseWarning(line: r.line, "DURATION \(text) is not a duration"))
            }
        }
        var rdates = r.rdates.map(anchored)
        for (i, period) in r.rdatePeriods.enumerated() {
            // A PERIOD's own end is lost here; the instance takes the event's length.
            if let periodStart = periodStart(
                period, tzid: r.rdatePeriodTZIDs.indices.contains(i) ? r.rdatePeriodTZIDs[i] : nil, like: rawStart)
            {
                rdates.append(anchored(periodStart))
            } else {
                warnings.append(ParseWarning(line: r.line, "RDATE period \(period) is not a period"))
            }
        }
        return Event(
            uid: uid, recurrenceID: r.recurrenceID.map(anchored), title: title.isEmpty ? untitled : title,
            summary: r.description, url: r.url, location: r.location, start: start, end: end,
            status: status(r.status), rrules: r.rrules, rdates: rdates, exdates: r.exdates.map(anchored),
            categories: r.categories, sequence: r.sequence, lastModified: r.lastModified,
            thisAndFuture: r.thisAndFuture ? true : nil)
    }

    static func status(_ text: String?) -> EventStatus {
        switch text {
        case "CANCELLED": return .cancelled
        case "TENTATIVE": return .tentative
        default: return .confirmed
        }
    }

    /// Whether `text` is a PERIOD: `start/end` or `start/duration`.
    static func isPeriod(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, EventTime(iCalendar: parts[0], tzid: nil) != nil else { return false }
        return ICalDuration(parts[1]) != nil || EventTime(iCalendar: parts[1], tzid: nil) != nil
    }

    /// The start of a PERIOD (`start/end` or `start/duration`) in the RDATE's own TZID. A DATE
    /// against a timed DTSTART means that day's midnight.
    static func periodStart(_ period: String, tzid: String?, like dtstart: EventTime) -> EventTime? {
        guard let first = period.split(separator: "/").first else { return nil }
        return promoted(ICalValue.time(String(first), tzid: tzid), like: dtstart, tzid: tzid)
    }

    /// The end of a PERIOD, from its end time or its duration.
    static func periodEnd(_ period: String, tzid: String?, like dtstart: EventTime, zones: ZoneBook) -> EventTime? {
        let parts = period.split(separator: "/").map(String.init)
        guard parts.count == 2, let start = periodStart(period, tzid: tzid, like: dtstart) else { return nil }
        if let duration = ICalDuration(parts[1]) { return duration.added(to: start, zones: zones) }
        return promoted(ICalValue.time(parts[1], tzid: tzid), like: dtstart, tzid: tzid)
    }

    private static func promoted(_ t: EventTime?, like dtstart: EventTime, tzid: String?) -> EventTime? {
        guard case .allDay(let d)? = t, !dtstart.isAllDay else { return t }
        let midnight = CivilDateTime(date: d, hour: 0, minute: 0, second: 0)
        if let tzid { return .zoned(midnight, tzid: tzid) }
        switch dtstart {
        case .utc: return .utc(midnight)
        case .zoned(_, let z): return .zoned(midnight, tzid: z)
        default: return .floating(midnight)
        }
    }
}

extension EventTime {
    var tzidIfZoned: String? {
        if case .zoned(_, let tzid) = self { return tzid }
        return nil
    }
}
