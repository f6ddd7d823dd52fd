import FeedModel
import Foundation

/// Writes the `inspect --json` object for an iCalendar document (see the conformance README).
public enum CalendarInspectJSON {
    /// The JSON text: events as written, and with a window the expanded occurrences.
    public static func render(_ raw: RawCalendar, window: InspectWindow?, limit: Int?) -> String {
        let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .gmt
        var ignored: [ParseWarning] = []
        let wrZone = CalendarAdapter.floatingZoneID(raw, warnings: &ignored).flatMap { TimeZone(identifier: $0) }
        var hub = ZoneBook(hub: wrZone ?? utc, custom: raw.zones)
        for e in raw.events {
            for t in [e.dtstart, e.dtend, e.recurrenceID].compactMap({ $0 }) + e.rdates + e.exdates { hub.prepare(t) }
        }
        var pairs: [(String, ICalJSON)] = [
            ("format", .string("icalendar")),
            ("parse_ok", .bool(true)),
            ("calendars", .int(raw.calendars)),
            ("events", .array(raw.events.map { eventJSON($0, hub: hub) })),
            ("warnings", .array(raw.warnings.map { .string($0.description) })),
        ]
        if let window {
            let rows = occurrenceRows(raw, window: window, hub: hub, wrZone: wrZone, limit: limit)
            let kept = limit.map { Array(rows.prefix(max(0, $0))) } ?? rows
            pairs.append(("occurrences_count", .int(kept.count)))
            pairs.append(("occurrences_truncated", .bool(kept.count < rows.count)))
            pairs.append(("occurrences", .array(kept.map(\.json))))
        }
        return ICalJSON.object(pairs).text
    }

    // MARK: - events

    private static func eventJSON(_ e: RawCalendarEvent, hub: ZoneBook) -> ICalJSON {
        let periods = e.rdatePeriods.enumerated().map { i, period -> ICalJSON in
            let parts = period.split(separator: "/").map(String.init)
            let tzid = e.rdatePeriodTZIDs.indices.contains(i) ? e.rdatePeriodTZIDs[i] : nil
            guard parts.count == 2, let dtstart = e.dtstart,
                let start = CalendarAdapter.periodStart(period, tzid: tzid, like: dtstart)
            else { return .string(period) }
            let end = ICalValue.time(parts[1], tzid: tzid).map { format($0, hub: hub) } ?? parts[1]
            return .string(format(start, hub: hub) + "/" + end)
        }
        return .object([
            ("calendar", .int(e.calendar)),
            ("uid", .optional(e.uid)),
            ("summary", .optional(e.summary)),
            ("dtstart", .optional(e.dtstart.map { format($0, hub: hub) })),
            ("dtend", .optional(e.dtend.map { format($0, hub: hub) })),
            ("duration", .optional(e.duration)),
            ("all_day", .bool(e.dtstart?.isAllDay ?? false)),
            ("tzid", .optional(e.tzid)),
            ("rrule", .array(e.rrules.map { .string($0) })),
            ("rdate", .array(e.rdates.map { .string(format($0, hub: hub)) } + periods)),
            ("exdate", .array(e.exdates.map { .string(format($0, hub: hub)) })),
            ("status", .optional(e.status)),
            ("sequence", .optional(e.sequence)),
            ("recurrence_id", .optional(e.recurrenceID.map { format($0, hub: hub) })),
        ])
    }

    // MARK: - occurrences

    private struct Row {
        var json: ICalJSON
        /// Start as the contract sorts it: zoned by instant, floating and dates as if UTC.
        var startKey: Int
        var uid: String
        var recurrenceKey: Int
        var calendar: Int
    }

    /// Every occurrence in the window, in contract order.
    private static func occurrenceRows(
        _ raw: RawCalendar, window: InspectWindow, hub: ZoneBook, wrZone: TimeZone?, limit: Int?
    ) -> [Row] {
        var ignored: [ParseWarning] = []
        let floatingZone = wrZone?.identifier
        // Group by calendar and uid: the same UID in two VCALENDARs is two series.
        var order: [String] = []
        var groups: [String: [(raw: RawCalendarEvent, event: Event)]] = [:]
        for r in raw.events {
            guard var event = CalendarAdapter.event(r, floatingZone: floatingZone, zones: hub, warnings: &ignored)
            else { continue }
            if let wrZone { event = inZone(event, wrZone, hub) }
            let key = "\(r.calendar)\u{1F}\(event.uid)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((r, event))
        }
        var rows: [Row] = []
        for key in order {
            let members = groups[key] ?? []
            guard let anchor = members.first(where: { $0.event.recurrenceID == nil }) ?? members.first else { continue }
            // The window is wall-clock time in the series' own zone.
            let zoneOf = anchor.event.start
            let from = hub.seconds(
                local: CivilDateTime(date: window.from, hour: 0, minute: 0, second: 0), zoneOf: zoneOf)
            let to = hub.seconds(
                local: CivilDateTime(date: window.to, hour: 23, minute: 59, second: 59), zoneOf: zoneOf)
            let occurrences = OccurrenceExpander.occurrences(
                of: members.map(\.event), from: Date(timeIntervalSince1970: TimeInterval(from)),
                to: Date(timeIntervalSince1970: TimeInterval(to)), zones: hub, limit: limit.map { $0 + 1 })
            for occurrence in occurrences {
                guard let member = members.first(where: { $0.event == occurrence.event }) else { continue }
                rows.append(row(occurrence, member.raw, hub: hub))
            }
        }
        rows.sort { a, b in
            if a.startKey != b.startKey { return a.startKey < b.startKey }
            if a.uid != b.uid { return a.uid < b.uid }
            if a.recurrenceKey != b.recurrenceKey { return a.recurrenceKey < b.recurrenceKey }
            return a.calendar < b.calendar
        }
        return rows
    }

    private static func row(_ o: Occurrence, _ r: RawCalendarEvent, hub: ZoneBook) -> Row {
        var end = o.end
        // A PERIOD in RDATE brings its own end.
        if let dtstart = r.dtstart {
            let startInstant = hub.seconds(o.start)
            for (i, period) in r.rdatePeriods.enumerated() {
                let tzid = r.rdatePeriodTZIDs.indices.contains(i) ? r.rdatePeriodTZIDs[i] : nil
                if let ps = CalendarAdapter.periodStart(period, tzid: tzid, like: dtstart),
                    hub.seconds(ps) == startInstant,
                    let pe = CalendarAdapter.periodEnd(period, tzid: tzid, like: dtstart, zones: hub)
                {
                    end = pe
                }
            }
        }
        let shownEnd: EventTime
        if let end {
            shownEnd = end
        } else if case .allDay(let d) = o.start {
            shownEnd = .allDay(CivilDate(dayNumber: d.dayNumber + 1))
        } else {
            shownEnd = o.start
        }
        let json = ICalJSON.object([
            ("calendar", .int(r.calendar)),
            ("uid", .optional(r.uid)),
            ("summary", .optional(r.summary)),
            ("start", .string(format(o.start, hub: hub))),
            ("end", .string(format(shownEnd, hub: hub))),
            ("all_day", .bool(o.start.isAllDay)),
            ("recurrence_id", .string(format(o.recurrenceID, hub: hub))),
            ("status", .optional(r.status)),
            ("sequence", .optional(r.sequence)),
        ])
        return Row(
            json: json, startKey: sortKey(o.start, hub: hub), uid: r.uid ?? "",
            recurrenceKey: sortKey(o.recurrenceID, hub: hub), calendar: r.calendar)
    }

    /// With X-WR-TIMEZONE, UTC times are read in that zone too, so that a weekly UTC event
    /// keeps its local time across DST as the producer meant.
    private static func inZone(_ e: Event, _ zone: TimeZone, _ hub: ZoneBook) -> Event {
        let template = EventTime.zoned(
            CivilDateTime(year: 2000, month: 1, day: 1, hour: 0, minute: 0), tzid: zone.identifier)
        func move(_ t: EventTime) -> EventTime {
            if case .utc = t {
                return .zoned(hub.civil(atUTC: hub.seconds(t), zoneOf: template), tzid: zone.identifier)
            }
            return t
        }
        var e = e
        e.start = move(e.start)
        e.end = e.end.map(move)
        e.recurrenceID = e.recurrenceID.map(move)
        e.rdates = e.rdates.map(move)
        e.exdates = e.exdates.map(move)
        return e
    }

    private static func sortKey(_ t: EventTime, hub: ZoneBook) -> Int {
        switch t {
        case .zoned(let c, let tzid) where !hub.knows(tzid): return c.secondsSince1970
        case .utc, .zoned: return hub.seconds(t)
        case .floating(let c): return c.secondsSince1970
        case .allDay(let d): return d.dayNumber * 86_400
        }
    }

    // MARK: - values

    /// DATE `YYYY-MM-DD`; zoned and UTC with the offset in effect; floating without one.
    static func format(_ t: EventTime, hub: ZoneBook) -> String {
        switch t {
        case .allDay(let d): return d.isoString
        case .floating(let c): return c.isoString
        case .utc(let c): return c.isoString + "+00:00"
        case .zoned(let c, let tzid):
            // A TZID that names no known zone and has no VTIMEZONE: its time is floating.
            if !hub.knows(tzid) { return c.isoString }
            let seconds = hub.seconds(t)
            let offset = hub.rules(for: t).offset(atUTC: seconds)
            let minutes = abs(offset) / 60
            return CivilDateTime(secondsSince1970: seconds + offset).isoString + (offset < 0 ? "-" : "+")
                + String(format: "%02d:%02d", minutes / 60, minutes % 60)
        }
    }
}
