import Foundation

/// Whether an event takes place, as RFC 5545 STATUS says.
public enum EventStatus: String, Sendable, Codable, Hashable {
    case confirmed = "CONFIRMED"
    case tentative = "TENTATIVE"
    case cancelled = "CANCELLED"
}

/// One event as one source publishes it, normalized from any format.
public struct Event: Sendable, Codable, Hashable {
    /// The source's identity for the item: iCalendar UID, RSS guid, Atom id or JSON Feed id.
    public var uid: String
    /// Set for an iCalendar override of one instance of a recurring event.
    public var recurrenceID: EventTime?
    public var title: String
    /// Sanitized HTML or plain text.
    public var summary: String?
    public var url: String?
    public var location: String?
    public var start: EventTime
    public var end: EventTime?
    public var status: EventStatus
    /// RRULE values as written, e.g. `FREQ=WEEKLY;BYDAY=TU`.
    public var rrules: [String]
    public var rdates: [EventTime]
    public var exdates: [EventTime]
    public var categories: [String]
    public var sequence: Int?
    public var lastModified: Date?
    /// Who runs the event, as the source names it (RSS `ev:organizer`), when it says.
    public var organizer: String?
    /// True for an override with RANGE=THISANDFUTURE: it also changes every later instance.
    public var thisAndFuture: Bool?

    public init(
        uid: String, recurrenceID: EventTime? = nil, title: String, summary: String? = nil,
        url: String? = nil, location: String? = nil, start: EventTime, end: EventTime? = nil,
        status: EventStatus = .confirmed, rrules: [String] = [], rdates: [EventTime] = [],
        exdates: [EventTime] = [], categories: [String] = [], sequence: Int? = nil,
        lastModified: Date? = nil, organizer: String? = nil, thisAndFuture: Bool? = nil
    ) {
        self.uid = uid
        self.recurrenceID = recurrenceID
        self.title = title
        self.summary = summary
        self.url = url
        self.location = location
        self.start = start
        self.end = end
        self.status = status
        self.rrules = rrules
        self.rdates = rdates
        self.exdates = exdates
        self.categories = categories
        self.sequence = sequence
        self.lastModified = lastModified
        self.organizer = organizer
        self.thisAndFuture = thisAndFuture
    }

    /// The key that identifies this item within its source (UID plus RECURRENCE-ID).
    public var itemKey: String {
        guard let recurrenceID else { return uid }
        return uid + "#" + recurrenceID.civil.basicString
    }
}
