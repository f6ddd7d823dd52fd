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
        // By index: a `for e in` copy of each event would retain and release all its fields.
        for i in raw.events.indices {
            if let t = raw.events[i].dtstart { hub.prepare(t) }
            if let t = raw.events[i].dtend { hub.prepare(t) }
            if let t = raw.events[i].recurrenceID { hub.prepare(t) }
            for t in raw.events[i].rdates { hub.prepare(t) }
            for t in raw.events[i].exdates { hub.prepare(t) }
        }
        // One zone table for the rows and their writing: rows carry its indices.
        var zones = InspectZones(hub)
        var rows: [Row] = []
        var order: [Int] = []
        if let window {
            rows = occurrenceRows(raw, window: window, hub: hub, wrZone: wrZone, limit: limit, zones: &zones)
            order = sortedOrder(rows, raw)
        }
        let kept = limit.map { order.prefix(max(0, $0)) } ?? order[...]
        // Written straight as bytes, in the key order the contract shows.
        var out = JSONBytes(capacity: kept.count * 360 + raw.events.count * 400 + 4_096)
        out.append("{\"format\": \"icalendar\", \"parse_ok\": true, \"calendars\": ")
        out.append(raw.calendars)
        out.append(", \"events\": [")
        for i in raw.events.indices {
            if i > 0 { out.append(", ") }
            writeEvent(raw.events[i], hub: hub, zones: &zones, into: &out)
        }
        out.append("], \"warnings\": [")
        for (i, warning) in raw.warnings.enumerated() {
            if i > 0 { out.append(", ") }
            out.appendOptional(warning.description)
        }
        out.append("]")
        if window != nil {
            out.append(", \"occurrences_count\": ")
            out.append(kept.count)
            out.append(", \"occurrences_truncated\": ")
            out.append(kept.count < rows.count ? "true" : "false")
            out.append(", \"occurrences\": ")
            writeRows(rows, kept, raw, zones: zones, into: &out)
        }
        out.append("}")
        return out.bytes
    }

    // MARK: - events

    private static func writeEvent(
        _ e: RawCalendarEvent, hub: ZoneBook, zones: inout InspectZones, into out: inout JSONBytes
    ) {
        func time(_ t: EventTime?) {
            guard let t else { return out.append("null") }
            out.append("\"")
            zones.write(t, into: &out)
            out.append("\"")
        }
        func times(_ list: [EventTime]) {
            for (i, t) in list.enumerated() {
                if i > 0 { out.append(", ") }
                time(t)
            }
        }
        out.append("{\"calendar\": ")
        out.append(e.calendar)
        out.append(", \"uid\": ")
        out.appendOptional(e.uid)
        out.append(", \"summary\": ")
        out.appendOptional(e.summary)
        out.append(", \"dtstart\": ")
        time(e.dtstart)
        out.append(", \"dtend\": ")
        time(e.dtend)
        out.append(", \"duration\": ")
        out.appendOptional(e.duration)
        out.append(e.dtstart?.isAllDay == true ? ", \"all_day\": true" : ", \"all_day\": false")
        out.append(", \"tzid\": ")
        out.appendOptional(e.tzid)
        out.append(", \"rrule\": [")
        for (i, rule) in e.rrules.enumerated() {
            if i > 0 { out.append(", ") }
            out.appendOptional(rule)
        }
        out.append("], \"rdate\": [")
        times(e.rdates)
        for (i, period) in e.rdatePeriods.enumerated() {
            if i > 0 || !e.rdates.isEmpty { out.append(", ") }
            out.appendOptional(periodText(period, i, e, hub: hub))
        }
        out.append("], \"exdate\": [")
        times(e.exdates)
        out.append("], \"status\": ")
        out.appendOptional(e.status)
        out.append(", \"sequence\": ")
        out.appendOptional(e.sequence)
        out.append(", \"recurrence_id\": ")
        time(e.recurrenceID)
        out.append("}")
    }

    /// An RDATE PERIOD with both ends as `format` writes times; as written when it cannot be read.
    private static func periodText(_ period: String, _ i: Int, _ e: RawCalendarEvent, hub: ZoneBook) -> String {
        let parts = period.split(separator: "/").map(String.init)
        let tzid = e.rdatePeriodTZIDs.indices.contains(i) ? e.rdatePeriodTZIDs[i] : nil
        guard parts.count == 2, let dtstart = e.dtstart,
            let start = CalendarAdapter.periodStart(period, tzid: tzid, like: dtstart)
        else { return period }
        let end = ICalValue.time(parts[1], tzid: tzid).map { format($0, hub: hub) } ?? parts[1]
        return format(start, hub: hub) + "/" + end
    }

    // MARK: - occurrences

    /// One occurrence, packed: tens of thousands are collected before they are sorted.
    private struct Row {
        var start: InspectTime
        var recurrenceID: InspectTime
        /// The end shown: the occurrence's, a PERIOD's, or the start (a day later for dates).
        var end: InspectTime
        /// Index of the master or override in `RawCalendar.events`; rows stay small to sort.
        var source: Int
        /// Start as the contract sorts it: zoned by instant, floating and dates as if UTC.
        var startKey: Int
        var recurrenceKey: Int
    }

    /// The occurrences as one JSON array, written byte by byte; the fields an occurrence takes
    /// from its event are written once per event, not once per occurrence.
    private static func writeRows(
        _ rows: [Row], _ order: ArraySlice<Int>, _ raw: RawCalendar, zones: InspectZones, into out: inout JSONBytes
    ) {
        // Each event's fixed fields, rendered once into `fixed`: the part before the start and the tail.
        var fixed = JSONBytes()
        var heads = [(head: Range<Int>, tail: Range<Int>)?](repeating: nil, count: raw.events.count)
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
                zones.write(rows[i].start, into: &out)
                out.append("\", \"end\": \"")
                zones.write(rows[i].end, into: &out)
                out.append(rows[i].start.isAllDay ? "\", \"all_day\": true" : "\", \"all_day\": false")
                out.append(", \"recurrence_id\": \"")
                zones.write(rows[i].recurrenceID, into: &out)
                out.append(fixed.bytes[parts.tail])
            }
        }
        out.append("]")
    }

    /// Every occurrence in the window, in expansion order (see `sortedOrder`).
    private static func occurrenceRows(
        _ raw: RawCalendar, window: InspectWindow, hub: ZoneBook, wrZone: TimeZone?, limit: Int?,
        zones: inout InspectZones
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
        var periods = PeriodEnds()
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
                rows.append(
                    row(instance, raw, index: members[instance.source].raw, hub: hub, zones: &zones, periods: &periods))
            }
        }
        return rows
    }

    /// Indices of `rows` in contract order: start, uid, recurrence id, calendar.
    private static func sortedOrder(_ rows: [Row], _ raw: RawCalendar) -> [Int] {
        // UIDs compared once each, as ranks per event; the sort then compares integers only,
        // in small keys that sit next to each other (the rows stay where they are).
        let uids = raw.events.map { $0.uid ?? "" }
        var rankOf: [String: Int] = [:]
        for (rank, uid) in Set(uids).sorted().enumerated() { rankOf[uid] = rank }
        let ranks = uids.map { rankOf[$0] ?? 0 }
        var keys = rows.indices.map { i in
            SortKey(
                start: rows[i].startKey, uid: ranks[rows[i].source], recurrence: rows[i].recurrenceKey,
                calendar: raw.events[rows[i].source].calendar, row: i)
        }
        keys.sort()
        return keys.map(\.row)
    }

    /// A row's place in the contract order; `row` last, so that equal rows keep expansion order.
    private struct SortKey: Comparable {
        var start: Int
        var uid: Int
        var recurrence: Int
        var calendar: Int
        var row: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.start, a.uid, a.recurrence, a.calendar, a.row) < (b.start, b.uid, b.recurrence, b.calendar, b.row)
        }
    }

    /// The RDATE PERIODs of each event that has any, read once: UTC seconds of the start and the end.
    private struct PeriodEnds {
        private var byEvent: [Int: [(start: Int, end: EventTime)]] = [:]

        mutating func ends(of index: Int, _ raw: RawCalendar, hub: ZoneBook) -> [(start: Int, end: EventTime)] {
            if let known = byEvent[index] { return known }
            var found: [(start: Int, end: EventTime)] = []
            let r = raw.events[index]
            if let dtstart = r.dtstart {
                for (i, period) in r.rdatePeriods.enumerated() {
                    let tzid = r.rdatePeriodTZIDs.indices.contains(i) ? r.rdatePeriodTZIDs[i] : nil
                    if let ps = CalendarAdapter.periodStart(period, tzid: tzid, like: dtstart),
                        let pe = CalendarAdapter.periodEnd(period, tzid: tzid, like: dtstart, zones: hub)
                    {
                        found.append((hub.seconds(ps), pe))
                    }
                }
            }
            byEvent[index] = found
            return found
        }
    }

    private static func row(
        _ o: ExpandedInstance, _ raw: RawCalendar, index: Int, hub: ZoneBook, zones: inout InspectZones,
        periods: inout PeriodEnds
    ) -> Row {
        var end = o.end
        // A PERIOD in RDATE brings its own end (the last period that starts here).
        if !raw.events[index].rdatePeriods.isEmpty {
            for period in periods.ends(of: index, raw, hub: hub) where period.start == o.startSeconds {
                end = period.end
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
            start: zones.pack(o.start), recurrenceID: zones.pack(o.recurrenceID), end: zones.pack(shownEnd),
            source: index,
            startKey: sortKey(o.start, seconds: o.startSeconds, zones: &zones),
            recurrenceKey: sortKey(o.recurrenceID, seconds: o.recurrenceSeconds, zones: &zones))
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
    private static func sortKey(_ t: EventTime, seconds: Int, zones: inout InspectZones) -> Int {
        switch t {
        case .zoned(let c, let tzid) where zones.knownRules(tzid) == nil: return c.secondsSince1970
        case .utc, .zoned: return seconds
        case .floating(let c): return c.secondsSince1970
        case .allDay(let d): return d.dayNumber * 86_400
        }
    }

    // MARK: - values

    /// DATE `YYYY-MM-DD`; zoned and UTC with the offset in effect; floating without one (also a
    /// TZID that names no known zone and has no VTIMEZONE).
    static func format(_ t: EventTime, hub: ZoneBook) -> String {
        var zones = InspectZones(hub)
        var out = JSONBytes(capacity: 25)
        zones.write(t, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
