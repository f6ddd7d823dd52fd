import Foundation

/// One instance as the expander finds it: the index of the master or override it comes from
/// (in the events given to the expander) and its times, without a copy of that event.
///
/// Tens of thousands of instances of a few thousand events stay small this way; callers that
/// want the event look it up by `source`.
public struct ExpandedInstance: Sendable, Hashable {
    /// Index of the master or override in the events passed to the expander.
    public var source: Int
    /// The instance's original start: what a RECURRENCE-ID names.
    public var recurrenceID: EventTime
    public var start: EventTime
    /// Nil when the source gave neither DTEND nor DURATION.
    public var end: EventTime?
    /// UTC seconds of `start` and `recurrenceID`, as `ZoneBook.seconds` gives them.
    public var startSeconds: Int
    public var recurrenceSeconds: Int

    /// The instance with the event it came from.
    public func occurrence(in events: [Event]) -> Occurrence {
        Occurrence(event: events[source], recurrenceID: recurrenceID, start: start, end: end)
    }
}
