import FeedModel
import Foundation

/// Writes the `inspect --json` object for an iCalendar document (see the conformance README).
public enum CalendarInspectJSON {
    /// The JSON text: events as written, and with a window the expanded occurrences.
    public static func render(_ raw: RawCalendar, window: InspectWindow?, limit: Int?) -> String {
        String(decoding: renderBytes(raw, window: window, limit: limit), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes, for writing out without a 10 MB `String` in between.
    public static func renderBytes(_ raw: RawCalendar, window: InspectWindow?, limit: Int?) -> [UInt8] {
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
        guard let window else {
            var out = JSONBytes(capacity: raw.events.count * 400 + 4_096)
            ICalJSON.object(pairs).write(into: &out)
            return out.bytes
        }
        let rows = occurrenceRows(raw, window: window, hub: hub, wrZone: wrZone, limit: limit)
        let order = sortedOrder(rows)
        let kept = limit.map { order.prefix(max(0, $0)) } ?? order[...]
        pairs.append(("occurrences_count", .int(kept.count)))
        pairs.append(("occurrences_truncated", .bool(kept.count < rows.count)))
        // The head as a tree, the many rows written straight after it as bytes.
        var out = JSONBytes(capacity: kept.count * 360 + raw.events.count * 400 + 4_096)
        ICalJSON.object(pairs).write(into: &out)
        out.removeLast()  // the head's closing brace
        out.append(", \"occurrences\": ")
        writeRows(rows, kept, raw, hub: hub, into: &out)
        out.append("}")
        return out.bytes
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
        var start: EventTime
        var recurrenceID: EventTime
        /// The end shown: the occurrence's, a PERIOD's, or the start (a day later for dates).
        var end: EventTime
        /// Index of the master or override in `RawCalendar.events`; rows stay small to sort.
        var source: Int
        /// Start as the contract sorts it: zoned by instant, floating and dates as if UTC.
        var startKey: Int
        var uid: String
        var recurrenceKey: Int
        var calendar: Int
    }

    /// The occurrences as one JSON array, written byte by byte; the fields an occurrence takes
    /// from its event are written once per event, not once per occurrence.
    private static func writeRows(
        _ rows: [Row], _ order: ArraySlice<Int>, _ raw: RawCalendar, hub: ZoneBook, into out: inout JSONBytes
    ) {
        // Each event's fixed fields, rendered once into `fixed`: the part before the start and the tail.
        var fixed = JSONBytes()
        var heads = [(head: Range<Int>, tail: Range<Int>)?](repeating: nil, count: raw.events.count)
        var zones = ZoneCache(hub)
        out.append("[")
        rows.withUnsafeBufferPointer { rows in
            for i in order {
                if i != order.first { out.append(", ") }
                let source = rows[i].source
                if heads[source] == nil {
                    let headStart = fixed.bytes.count
                    fixed.append("{\"calendar\": ")
                    fixed.append(raw.events[source].calendar)
                    fixed.append(", \"uid\": ")
                    fixed.appendOptional(raw.events[source].uid)
                    fixed.append(", \"summary\": ")
                    fixed.appendOptional(raw.events[source].summary)
                    fixed.append(", \"start\": \"")
                    let tailStart = fixed.bytes.count
                    fixed.append("\", \"status\": ")
                    fixed.appendOptional(raw.events[source].status)
                    fixed.append(", \"sequence\": ")
                    fixed.appendOptional(raw.events[source].sequence)
                    fixed.append("}")
                    heads[source] = (headStart..<tailStart, tailStart..<fixed.bytes.count)
                }
                guard let parts = heads[source] else { continue }
                out.append(fixed.bytes[parts.head])
                write(rows[i].start, zones: &zones, into: &out)
                out.append("\", \"end\": \"")
                write(rows[i].end, zones: &zones, into: &out)
                out.append(rows[i].start.isAllDay ? "\", \"all_day\": true" : "\", \"all_day\": false")
                out.append(", \"recurrence_id\": \"")
                write(rows[i].recurrenceID, zones: &zones, into: &out)
                out.append(fixed.bytes[parts.tail])
            }
        }
        out.append("]")
    }

    /// `ZoneBook.knownRules` for the TZID asked last: the rows of one series all ask for the
    /// same zone, so most lookups need no hashing.
    private struct ZoneCache {
        let hub: ZoneBook
        var tzid = ""
        var rules: ZoneRules?

        init(_ hub: ZoneBook) { self.hub = hub }

        mutating func knownRules(_ id: String) -> ZoneRules? {
            if id != tzid {
                tzid = id
                rules = hub.knownRules(id)
            }
            return rules
        }
    }

    /// Every occurrence in the window, in expansion order (see `sortedOrder`).
    private static func occurrenceRows(
        _ raw: RawCalendar, window: InspectWindow, hub: ZoneBook, wrZone: TimeZone?, limit: Int?
    ) -> [Row] {
        var ignored: [ParseWarning] = []
        let floatingZone = wrZone?.identifier
        // Group by calendar and uid: the same UID in two VCALENDARs is two series.
        var order: [String] = []
        var groups: [String: [(raw: Int, event: Event)]] = [:]
        for index in raw.events.indices {
            guard
                var event = CalendarAdapter.event(
                    raw.events[index], floatingZone: floatingZone, zones: hub, warnings: &ignored)
            else { continue }
            if let wrZone { event = inZone(event, wrZone, hub) }
            let key = "\(raw.events[index].calendar)\u{1F}\(event.uid)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((index, event))
        }
        var rows: [Row] = []
        var zones = ZoneCache(hub)
        for key in order {
            let members = groups[key] ?? []
            guard let anchor = members.first(where: { $0.event.recurrenceID == nil }) ?? members.first else { continue }
            // The window is wall-clock time in the series' own zone.
            let zoneOf = anchor.event.start
            let from = hub.seconds(
                local: CivilDateTime(date: window.from, hour: 0, minute: 0, second: 0), zoneOf: zoneOf)
            let to = hub.seconds(
                local: CivilDateTime(date: window.to, hour: 23, minute: 59, second: 59), zoneOf: zoneOf)
            let instances = OccurrenceExpander.instances(
                of: members.map(\.event), from: Date(timeIntervalSince1970: TimeInterval(from)),
                to: Date(timeIntervalSince1970: TimeInterval(to)), zones: hub, limit: limit.map { $0 + 1 })
            for instance in instances {
                rows.append(row(instance, raw, index: members[instance.source].raw, hub: hub, zones: &zones))
            }
        }
        return rows
    }

    /// Indices of `rows` in contract order; sorting indices moves no row.
    private static func sortedOrder(_ rows: [Row]) -> [Int] {
        // UIDs compared once each, as ranks; the sort then compares integers only.
        let uids = Array(Set(rows.map(\.uid))).sorted()
        var rankOf: [String: Int] = [:]
        for (rank, uid) in uids.enumerated() { rankOf[uid] = rank }
        let ranks = rows.map { rankOf[$0.uid] ?? 0 }
        return rows.indices.sorted { i, j in
            if rows[i].startKey != rows[j].startKey { return rows[i].startKey < rows[j].startKey }
            if ranks[i] != ranks[j] { return ranks[i] < ranks[j] }
            if rows[i].recurrenceKey != rows[j].recurrenceKey { return rows[i].recurrenceKey < rows[j].recurrenceKey }
            return rows[i].calendar < rows[j].calendar
        }
    }

    private static func row(
        _ o: ExpandedInstance, _ raw: RawCalendar, index: Int, hub: ZoneBook, zones: inout ZoneCache
    ) -> Row {
        var end = o.end
        // A PERIOD in RDATE brings its own end.
        if !raw.events[index].rdatePeriods.isEmpty, let dtstart = raw.events[index].dtstart {
            let r = raw.events[index]
            let startInstant = o.startSeconds
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
        return Row(
            start: o.start, recurrenceID: o.recurrenceID, end: shownEnd, source: index,
            startKey: sortKey(o.start, seconds: o.startSeconds, zones: &zones),
            uid: raw.events[index].uid ?? "",
            recurrenceKey: sortKey(o.recurrenceID, seconds: o.recurrenceSeconds, zones: &zones),
            calendar: raw.events[index].calendar)
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
        return e.mappingTimes(move)
    }

    /// `seconds`: the UTC seconds of `t` as `ZoneBook.seconds` gives them.
    private static func sortKey(_ t: EventTime, seconds: Int, zones: inout ZoneCache) -> Int {
        switch t {
        case .zoned(let c, let tzid) where zones.knownRules(tzid) == nil: return c.secondsSince1970
        case .utc, .zoned: return seconds
        case .floating(let c): return c.secondsSince1970
        case .allDay(let d): return d.dayNumber * 86_400
        }
    }

    // MARK: - values

    /// `format`'s text, written into `out`.
    private static func write(_ t: EventTime, zones: inout ZoneCache, into out: inout JSONBytes) {
        switch t {
        case .allDay(let d): out.append(d)
        case .floating(let c): out.append(c)
        case .utc(let c):
            out.append(c)
            out.append("+00:00")
        case .zoned(let c, let tzid):
            guard let rules = zones.knownRules(tzid) else { return out.append(c) }
            let local = c.secondsSince1970
            let (seconds, offset) = rules.resolve(local: local)
            // Only a time in a DST gap reads as another wall-clock time.
            out.append(seconds + offset == local ? c : CivilDateTime(secondsSince1970: seconds + offset))
            out.appendOffset(offset)
        }
    }

    /// DATE `YYYY-MM-DD`; zoned and UTC with the offset in effect; floating without one (also a
    /// TZID that names no known zone and has no VTIMEZONE).
    static func format(_ t: EventTime, hub: ZoneBook) -> String {
        var zones = ZoneCache(hub)
        var out = JSONBytes(capacity: 25)
        write(t, zones: &zones, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
