import Foundation

/// One master event with what changes its instances: EXDATEs, overridden recurrence ids, and
/// RANGE=THISANDFUTURE overrides that move and edit every later instance.
struct Series {
    /// Every event of the expansion; instances name their master or override by index in it.
    let events: [Event]
    let masterIndex: Int
    let master: Event
    let zones: ZoneBook
    let replaced: RecurrenceTimeSet
    /// THISANDFUTURE overrides (index in `events`) by the UTC seconds of their recurrence id, ascending.
    let future: [(rid: Int, source: Int)]
    /// The rules of DTSTART's zone: every instance is in DTSTART's form, so in this zone.
    private let rules: ZoneRules

    init(
        events: [Event], master: Int, zones: ZoneBook, replaced: RecurrenceTimeSet, future: [(rid: Int, source: Int)]
    ) {
        self.events = events
        self.masterIndex = master
        self.master = events[master]
        self.zones = zones
        self.replaced = replaced
        self.future = future
        self.rules = zones.rules(for: events[master].start)
    }

    /// The instances in `window`, minus EXDATEs and overridden instances; at most `limit`
    /// per rule (the caller sorts and cuts).
    func expand(_ window: OccurrenceExpander.Window, limit: Int?) -> [ExpandedInstance] {
        let span = OccurrenceSpan(start: master.start, end: master.end, zones: zones)
        let excluded = RecurrenceTimeSet(master.exdates, zones: zones)
        var seen = Set<Int>()
        var out: [ExpandedInstance] = []

        func consider(_ start: EventTime) {
            let seconds = self.seconds(start)
            guard seen.insert(seconds).inserted else { return }
            guard !excluded.contains(start, seconds: seconds), !replaced.contains(start, seconds: seconds) else {
                return
            }
            let instance = instance(start, seconds: seconds, span: span)
            if overlaps(instance, window) { out.append(instance) }
        }

        // RFC 5545 counts DTSTART as the first instance even when the rule would not produce it.
        consider(master.start)
        let futureShift = future.map { abs(shift(of: events[$0.source])) / 86_400 + 1 }.max() ?? 0
        let margin = (span?.approximateDays ?? 0) + 1 + futureShift
        let skipTo = CivilMath.adding(days: -margin, to: zones.civil(atUTC: window.from, zoneOf: master.start).date)
        let stopAfter = CivilMath.adding(
            days: 1 + futureShift, to: zones.civil(atUTC: window.to, zoneOf: master.start).date)
        let lastStart = window.to + futureShift * 86_400
        for text in master.rrules {
            guard let rule = RecurrenceRule(text) else { continue }
            let iterator = RuleIterator(rule: rule, start: master.start.civil, allDay: master.start.isAllDay)
            let before = out.count
            let untilSeconds = rule.until.map { zones.seconds($0) }
            iterator.forEach(
                skipTo: skipTo, stopAfter: stopAfter, maxSteps: OccurrenceExpander.maxSteps,
                isPastUntil: { isPast($0, until: rule.until, untilSeconds: untilSeconds) },
                visit: { civil in
                    let start = OccurrenceSpan.withCivil(master.start, civil)
                    if seconds(start) > lastStart { return false }
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

    /// UTC seconds of an instance time, as `ZoneBook.seconds` gives them; an RDATE may be in
    /// another zone than DTSTART, so only times in DTSTART's form take the shortcut.
    private func seconds(_ t: EventTime) -> Int {
        switch (t, master.start) {
        case (.utc(let c), _): return CivilMath.seconds(c)
        case (.allDay, .allDay), (.floating, .floating), (.allDay, .floating), (.floating, .allDay):
            return rules.utcSeconds(forLocal: CivilMath.seconds(t.civil))
        case (.zoned(_, let a), .zoned(_, let b)) where a == b:
            return rules.utcSeconds(forLocal: CivilMath.seconds(t.civil))
        default: return zones.seconds(t)
        }
    }

    /// Whether the instance overlaps the window, as `Occurrence.overlaps` decides.
    private func overlaps(_ instance: ExpandedInstance, _ window: OccurrenceExpander.Window) -> Bool {
        let start = instance.startSeconds
        guard start <= window.to else { return false }
        if start >= window.from { return true }
        let end: Int
        if let e = instance.end {
            end = max(start, seconds(e))
        } else if case .allDay(let d) = instance.start {
            end = seconds(.allDay(CivilMath.adding(days: 1, to: d)))
        } else {
            end = start
        }
        return end > window.from
    }

    /// The instance that starts at `start`, or its THISANDFUTURE replacement: moved by the
    /// override's own shift, with the override's length and properties.
    private func instance(_ start: EventTime, seconds: Int, span: OccurrenceSpan?) -> ExpandedInstance {
        guard let source = future.last(where: { $0.rid < seconds })?.source, let rid = events[source].recurrenceID
        else {
            return ExpandedInstance(
                source: masterIndex, recurrenceID: start, start: start,
                end: span.map { $0.end(from: start, zones: zones) }, startSeconds: seconds,
                recurrenceSeconds: seconds)
        }
        let override = events[source]
        let moved: EventTime
        if sameForm(rid, override.start) {
            let delta = CivilMath.seconds(override.start.civil) - CivilMath.seconds(rid.civil)
            moved = OccurrenceSpan.withCivil(start, CivilMath.adding(seconds: delta, to: start.civil))
        } else {
            moved = OccurrenceSpan.withCivil(start, zones.civil(atUTC: seconds + shift(of: override), zoneOf: start))
        }
        let overrideSpan = OccurrenceSpan(start: override.start, end: override.end, zones: zones) ?? span
        return ExpandedInstance(
            source: source, recurrenceID: start, start: moved,
            end: overrideSpan.map { $0.end(from: moved, zones: zones) }, startSeconds: self.seconds(moved),
            recurrenceSeconds: seconds)
    }

    /// How far an override moved its instance, in elapsed seconds.
    private func shift(of override: Event) -> Int {
        guard let rid = override.recurrenceID else { return 0 }
        return zones.seconds(override.start) - zones.seconds(rid)
    }

    private func sameForm(_ a: EventTime, _ b: EventTime) -> Bool {
        switch (a, b) {
        case (.allDay, .allDay), (.utc, .utc), (.floating, .floating): return true
        case (.zoned(_, let x), .zoned(_, let y)): return x == y
        default: return false
        }
    }

    /// `untilSeconds`: `zones.seconds(until)`, computed once per rule.
    private func isPast(_ c: CivilDateTime, until: EventTime?, untilSeconds: Int?) -> Bool {
        guard let until, let untilSeconds else { return false }
        switch (until, master.start) {
        case (.allDay(let d), _):
            // A DATE bound includes its whole day.
            return c.date > d
        case (.utc, .utc), (.utc, .zoned), (.zoned, .utc), (.zoned, .zoned):
            // `rules` are DTSTART's zone's: what `zones.seconds(local:zoneOf: master.start)` reads.
            return rules.utcSeconds(forLocal: CivilMath.seconds(c)) > untilSeconds
        default:
            // Floating against UTC is not valid RFC 5545; reading both as wall clock is what
            // libical does.
            return c > until.civil
        }
    }
}
