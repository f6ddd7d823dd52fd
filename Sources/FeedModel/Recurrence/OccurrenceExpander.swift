import Foundation

/// Expands events (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides) into the instances in a window.
public enum OccurrenceExpander {
    /// Upper bound on periods looked at per rule, so a rule that never matches costs little.
    static let maxSteps = 100_000

    /// Every instance of `events` that overlaps `from…to`, sorted by start instant, then uid.
    ///
    /// Events are grouped by uid: an override replaces the master's instance with the same
    /// recurrence id (with RANGE=THISANDFUTURE, every later instance too), and an override
    /// without a master stands alone. Cancelled instances are kept with their status so that
    /// callers can show them as cancelled.
    public static func occurrences(
        of events: [Event], from: Date, to: Date, hubZone: TimeZone, limit: Int? = nil
    ) -> [Occurrence] {
        var zones = ZoneBook(hub: hubZone)
        zones.prepare(for: events)
        return occurrences(of: events, from: from, to: to, zones: zones, limit: limit)
    }

    /// As `occurrences(of:from:to:hubZone:limit:)`, with zones (custom VTIMEZONEs included) from `zones`.
    public static func occurrences(
        of events: [Event], from: Date, to: Date, zones: ZoneBook, limit: Int? = nil
    ) -> [Occurrence] {
        instances(of: events, from: from, to: to, zones: zones, limit: limit).map { $0.occurrence(in: events) }
    }

    /// The same instances in the same order as `occurrences`, each naming its event by index
    /// instead of carrying a copy of it.
    public static func instances(
        of events: [Event], from: Date, to: Date, zones: ZoneBook, limit: Int? = nil
    ) -> [ExpandedInstance] {
        let window = Window(from: Int(from.timeIntervalSince1970.rounded(.down)), to: Int(to.timeIntervalSince1970))
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (index, event) in events.enumerated() {
            if groups[event.uid] == nil { order.append(event.uid) }
            groups[event.uid, default: []].append(index)
        }
        var result: [ExpandedInstance] = []
        for uid in order {
            let group = groups[uid] ?? []
            let overrides = group.filter { events[$0].recurrenceID != nil }
            let replaced = RecurrenceTimeSet(overrides.compactMap { events[$0].recurrenceID }, zones: zones)
            let future = overrides.filter { events[$0].thisAndFuture == true }
                .compactMap { o in events[o].recurrenceID.map { (rid: zones.seconds($0), source: o) } }
                .sorted { $0.rid < $1.rid }
            for master in group where events[master].recurrenceID == nil {
                let perMaster = limit.map { $0 + overrides.count }
                let series = Series(events: events, master: master, zones: zones, replaced: replaced, future: future)
                result += series.expand(window, limit: perMaster)
            }
            for o in overrides {
                let event = events[o]
                guard let rid = event.recurrenceID else { continue }
                let occurrence = Occurrence(event: event, recurrenceID: rid, start: event.start, end: event.end)
                if occurrence.overlaps(from: window.from, to: window.to, zones: zones) {
                    result.append(
                        ExpandedInstance(
                            source: o, recurrenceID: rid, start: event.start, end: event.end,
                            startSeconds: zones.seconds(event.start), recurrenceSeconds: zones.seconds(rid)))
                }
            }
        }
        result.sort { a, b in
            if a.startSeconds != b.startSeconds { return a.startSeconds < b.startSeconds }
            if a.source != b.source, events[a.source].uid != events[b.source].uid {
                return events[a.source].uid < events[b.source].uid
            }
            return a.recurrenceSeconds < b.recurrenceSeconds
        }
        if let limit, result.count > limit { result.removeLast(result.count - max(0, limit)) }
        return result
    }

    /// Whether `rule` is an RRULE this expander can follow (RSCALE, SKIP or a malformed part make
    /// it one that it cannot).
    public static func canExpand(rule: String) -> Bool { RecurrenceRule(rule) != nil }

    /// UTC seconds, both ends inclusive.
    struct Window {
        var from: Int
        var to: Int
    }
}

/// Times to match instances against: by instant, or by day where either side is a DATE.
struct RecurrenceTimeSet {
    private var instants = Set<Int>()
    private var days = Set<CivilDate>()
    private var allDays = Set<CivilDate>()
    private let zones: ZoneBook

    init(_ times: [EventTime], zones: ZoneBook) {
        self.zones = zones
        for t in times {
            days.insert(t.civil.date)
            if t.isAllDay {
                allDays.insert(t.civil.date)
            } else {
                instants.insert(zones.seconds(t))
            }
        }
    }

    var isEmpty: Bool { instants.isEmpty && days.isEmpty }

    func contains(_ t: EventTime) -> Bool {
        if isEmpty { return false }
        return contains(t, seconds: t.isAllDay ? 0 : zones.seconds(t))
    }

    /// As `contains(_:)`, with the UTC seconds of `t` already known (ignored for a DATE).
    func contains(_ t: EventTime, seconds: Int) -> Bool {
        if isEmpty { return false }
        if t.isAllDay { return days.contains(t.civil.date) }
        return instants.contains(seconds) || (!allDays.isEmpty && allDays.contains(t.civil.date))
    }
}
