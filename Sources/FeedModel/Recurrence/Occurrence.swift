import Foundation

/// One instance of an event: a single event, an instance of a recurring one, or an override.
public struct Occurrence: Sendable, Hashable {
    /// The master or override this instance came from (with its title, status, …).
    public var event: Event
    /// The instance's original start: what a RECURRENCE-ID names.
    public var recurrenceID: EventTime
    public var start: EventTime
    /// Nil when the source gave neither DTEND nor DURATION.
    public var end: EventTime?

    public init(event: Event, recurrenceID: EventTime, start: EventTime, end: EventTime?) {
        self.event = event
        self.recurrenceID = recurrenceID
        self.start = start
        self.end = end
    }

    /// The end, or where an event without an end is taken to stop: a DATE lasts one day
    /// (RFC 5545 §3.6.1), a DATE-TIME is a moment.
    func endSeconds(_ zones: ZoneBook) -> Int {
        let startSeconds = zones.seconds(start)
        if let end { return max(startSeconds, zones.seconds(end)) }
        if case .allDay(let d) = start { return zones.seconds(.allDay(CivilMath.adding(days: 1, to: d))) }
        return startSeconds
    }

    /// Whether the instance overlaps `from…to` (both inclusive); a moment counts when inside.
    func overlaps(from: Int, to: Int, zones: ZoneBook) -> Bool {
        let s = zones.seconds(start)
        guard s <= to else { return false }
        return s >= from || endSeconds(zones) > from
    }
}
