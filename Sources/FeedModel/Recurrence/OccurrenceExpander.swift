import Foundation

/// Expands events (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides) into the instances in a window.
public enum OccurrenceExpander {
    /// Upper bound on periods looked at per rule, so a rule that never matches costs little.
    static let maxSteps = 100_000

    /// Every instance of `events` that overlaps `from…to`, sorted by start instant, then uid.
    ///
    /// Events are grouped by uid: an override replaces the master's instance with the same
    /// recurrence id, and an override without a master stands alone. Cancelled instances are
    /// kept with their status so that callers can show them as cancelled.
    public static func occurrences(
        of events: [Event], from: Date, to: Date, hubZone: TimeZone, limit: Int? = nil
    ) -> [Occurrence] {
        var order: [String] = []
        var groups: [String: [Event]] = [:]
        for event in events {
            if groups[event.uid] == nil { order.append(event.uid) }
            groups[event.uid, default: []].append(event)
        }
        var result: [Occurrence] = []
        for uid in order {
            let group = groups[uid] ?? []
            let overrides = group.filter { $0.recurrenceID != nil }
            let replaced = RecurrenceTimeSet(overrides.compactMap(\.recurrenceID), hubZone: hubZone)
            for master in group where master.recurrenceID == nil {
                let perMaster = limit.map { $0 + overrides.count }
                result += expand(
                    master, from: from, to: to, hubZone: hubZone, replaced: replaced, limit: perMaster)
            }
            for o in overrides {
                guard let rid = o.recurrenceID else { continue }
                let occurrence = Occurrence(event: o, recurrenceID: rid, start: o.start, end: o.end)
                if occurrence.overlaps(from: from, to: to, hub: hubZone) { result.append(occurrence) }
            }
        }
        result.sort { a, b in
            let sa = a.start.instant(hub: hubZone)
            let sb = b.start.instant(hub: hubZone)
            if sa != sb { return sa < sb }
            if a.event.uid != b.event.uid { return a.event.uid < b.event.uid }
            return a.recurrenceID.instant(hub: hubZone) < b.recurrenceID.instant(hub: hubZone)
        }
        if let limit, result.count > limit { result.removeLast(result.count - max(0, limit)) }
        return result
    }

    /// The instances of one master in the window, minus EXDATEs and overridden instances.
    private static func expand(
        _ master: Event, from: Date, to: Date, hubZone: TimeZone, replaced: RecurrenceTimeSet, limit: Int?
    ) -> [Occurrence] {
        let zone = master.start.zone(hub: hubZone)
        let span = OccurrenceSpan(start: master.start, end: master.end, hubZone: hubZone)
        let excluded = RecurrenceTimeSet(master.exdates, hubZone: hubZone)
        var seen = Set<Date>()
        var out: [Occurrence] = []

        func consider(_ start: EventTime) {
            let instant = start.instant(hub: hubZone)
            guard seen.insert(instant).inserted else { return }
            guard !excluded.contains(start), !replaced.contains(start) else { return }
            let occurrence = Occurrence(
                event: master, recurrenceID: start, start: start,
                end: span.map { $0.end(from: start, hubZone: hubZone) })
            if occurrence.overlaps(from: from, to: to, hub: hubZone) { out.append(occurrence) }
        }

        // RFC 5545 counts DTSTART as the first instance even when the rule would not produce it.
        consider(master.start)
        let margin = (span?.approximateDays ?? 0) + 1
        let skipTo = CivilMath.adding(days: -margin, to: CivilDateTime(from, in: zone).date)
        let stopAfter = CivilMath.adding(days: 1, to: CivilDateTime(to, in: zone).date)
        for text in master.rrules {
            guard let rule = RecurrenceRule(text) else { continue }
            let iterator = RuleIterator(rule: rule, start: master.start.civil, allDay: master.start.isAllDay)
            let before = out.count
            iterator.forEach(
                skipTo: skipTo, stopAfter: stopAfter, maxSteps: maxSteps,
                isPastUntil: { isPast($0, until: rule.until, start: master.start, zone: zone) },
                visit: { civil in
                    let start = OccurrenceSpan.withCivil(master.start, civil)
                    if start.instant(hub: hubZone) > to { return false }
                    consider(start)
                    if let limit, out.count - before >= limit { return false }
                    return true
                })
        }
        for rdate in master.rdates {
            // A DATE in RDATE of a timed event means that day at midnight, in the event's form.
            if rdate.isAllDay != master.start.isAllDay {
                consider(
                    OccurrenceSpan.withCivil(
                        master.start, CivilDateTime(date: rdate.civil.date, hour: 0, minute: 0, second: 0)))
            } else {
                consider(rdate)
            }
        }
        return out
    }

    private static func isPast(_ c: CivilDateTime, until: EventTime?, start: EventTime, zone: TimeZone) -> Bool {
        guard let until else { return false }
        switch (until, start) {
        case (.allDay(let d), _):
            // A DATE bound includes its whole day.
            return c.date > d
        case (.utc, .utc), (.utc, .zoned), (.zoned, .utc), (.zoned, .zoned):
            return c.instant(in: zone) > until.instant(hub: zone)
        default:
            // Floating against UTC is not valid RFC 5545; reading both as wall clock is what
            // libical does.
            return c > until.civil
        }
    }
}

/// Times to match instances against: by instant, or by day where either side is a DATE.
struct RecurrenceTimeSet {
    private var instants = Set<Date>()
    private var days = Set<CivilDate>()
    private var allDays = Set<CivilDate>()

    init(_ times: [EventTime], hubZone: TimeZone) {
        for t in times {
            days.insert(t.civil.date)
            if t.isAllDay {
                allDays.insert(t.civil.date)
            } else {
                instants.insert(t.instant(hub: hubZone))
            }
        }
        self.hubZone = hubZone
    }

    private let hubZone: TimeZone

    func contains(_ t: EventTime) -> Bool {
        if t.isAllDay { return days.contains(t.civil.date) }
        return instants.contains(t.instant(hub: hubZone)) || allDays.contains(t.civil.date)
    }
}
