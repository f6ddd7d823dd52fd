extension Event {
    /// Every time the event carries: start, end, recurrence id, RDATEs and EXDATEs.
    public var allTimes: [EventTime] {
        [start, end, recurrenceID].compactMap { $0 } + rdates + exdates
    }

    /// The event with `transform` applied to every time it carries (zone changes, re-reading).
    public func mappingTimes(_ transform: (EventTime) -> EventTime) -> Event {
        var e = self
        e.start = transform(start)
        e.end = end.map(transform)
        e.recurrenceID = recurrenceID.map(transform)
        e.rdates = rdates.map(transform)
        e.exdates = exdates.map(transform)
        return e
    }
}
