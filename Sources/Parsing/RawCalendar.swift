import FeedModel
import Foundation

/// One VEVENT as read from an iCalendar document, values kept as written.
public struct RawCalendarEvent: Sendable, Hashable {
    /// 0-based index of the VCALENDAR that holds it.
    public var calendar: Int
    public var uid: String?
    public var summary: String?
    public var description: String?
    public var location: String?
    public var url: String?
    public var dtstart: EventTime?
    public var dtend: EventTime?
    /// RFC 5545 DURATION text as written, e.g. `PT1H`.
    public var duration: String?
    /// The TZID parameter of DTSTART, `UTC` for a `…Z` time, nil otherwise.
    public var tzid: String?
    public var rrules: [String] = []
    public var rdates: [EventTime] = []
    /// PERIOD values of RDATE as `start/end` text.
    public var rdatePeriods: [String] = []
    /// The TZID of each RDATE period (same index), nil for UTC, floating or dates.
    public var rdatePeriodTZIDs: [String?] = []
    public var exdates: [EventTime] = []
    public var status: String?
    public var sequence: Int?
    public var recurrenceID: EventTime?
    /// RECURRENCE-ID;RANGE=THISANDFUTURE: the override changes every later instance too.
    public var thisAndFuture = false
    /// Properties whose values could not be read (a second DTSTART, a bad RRULE, RDATE, EXDATE,
    /// DTEND or DURATION): the event's instances cannot be told, so it is not expanded.
    public var broken: [String] = []
    public var categories: [String] = []
    public var lastModified: Date?
    public var dtstamp: Date?
    /// 1-based line of `BEGIN:VEVENT`.
    public var line: Int
    public init(calendar: Int, line: Int) {
        self.calendar = calendar
        self.line = line
    }
}

/// An iCalendar document as read, before normalization; what `inspect --json` prints.
public struct RawCalendar: Sendable {
    /// Number of VCALENDAR objects.
    public var calendars = 0
    public var events: [RawCalendarEvent] = []
    /// X-WR-CALNAME of the first calendar.
    public var name: String?
    /// X-WR-TIMEZONE of the first calendar: floating times are read in it.
    public var defaultTZID: String?
    /// Rules of the VTIMEZONEs whose TZID names no IANA zone, by TZID as the events use it.
    public var zones: [String: ZoneRules] = [:]
    public var warnings: [ParseWarning] = []
    public init() {}
}
