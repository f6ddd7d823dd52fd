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
        let window = Window(from: Int(from.timeIntervalSince1970.rounded(.down)), to: Int(to.timeIntervalSince1970))
        var order: [String] = []
        var groups: [String: [Event]] = [:]
        for event in events {
            if groups[event.uid] == nil { order.append(event.uid) }
            groups[event.uid, default: []].append(event)
        }
        var result: [(occurrence: Occurrence, start: Int, rid: Int)] = []
        for uid in order {
            let group = groups[uid] ?? []
            let overrides = group.filter { $0.recurrenceID != nil }
            let replaced = RecurrenceTimeSet(overrides.compactMap(\.recurrenceID), zones: zones)
            let future = overrides.filter { $0.thisAndFuture == true }
                .compactMap { o in o.recurrenceID.map { (rid: zones.seconds($0), event: o) } }
                .sorted { $0.rid < $1.rid }
            for master in group where master.recurrenceID == nil {
                let perMaster = limit.map { $0 + overrides.count }
                let series = Series(master: master, zones: zones, replaced: replaced, future: future)
                for o in series.expand(window, limit: perMaster) {
                    result.append((o, zones.seconds(o.start), zones.seconds(o.recurrenceID)))
                }
            }
            for o in overrides {
                guard let rid = o.recurrenceID else { continue }
                let occurrence = Occurrence(event: o, recurrenceID: rid, start: o.start, end: o.end)
                if occurrence.overlaps(from: window.from, to: window.to, zones: zones) {
                    result.append((occurrence, zones.seconds(o.start), zones.seconds(rid)))
                }
            }
        }
        result.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.occurrence.event.uid != b.occurrence.event.uid {
                return a.occurrence.event.uid < b.occurrence.event.uid
            }
            return a.rid < b.rid
        }
        if let limit, result.count > limit { result.removeLast(result.count - max(0, limit)) }
        return result.map(\.occurrence)
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
        if t.isAllDay { return days.contains(t.civil.date) }
        return instants.contains(zones.seconds(t)) || allDays.contains(t.civil.date)
    }
}
