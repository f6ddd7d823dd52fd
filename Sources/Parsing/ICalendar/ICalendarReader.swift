import FeedModel
import Foundation

/// The state machine behind `ICalendarParser`: components, the open VEVENT, warnings.
struct ICalendarReader {
    var calendar = RawCalendar()
    private var stack: [String] = []
    /// The VEVENT being read; `eventOpen` says whether there is one, so that checking costs no copy.
    private var event: RawCalendarEvent?
    private var eventOpen = false
    /// Index of the VCALENDAR that holds the lines being read.
    private var calendarIndex = 0
    private var sawComponent = false
    private var sawCalendar = false
    /// Set once some component got its END; a file of nothing but unclosed fragments is none.
    private var closedComponent = false
    /// Set while VEVENTs stand outside any VCALENDAR (a bare VEVENT file).
    private var implicitCalendar: Int?
    private var resolver = TZIDResolver()
    private var timezoneID: String?
    private var observances: [ZoneObservance] = []
    private var observance: ObservanceDraft?

    mutating func read(_ scanned: ContentLine.Scanned) {
        switch scanned {
        case .content(let content): read(content)
        case .invalid(let text, let line):
            if !text.trimmedWhitespace.isEmpty {
                calendar.warnings.append(ParseWarning(line: line, "not a content line, ignored"))
            }
        }
    }

    mutating func read(_ content: ContentLine) {
        let line = content.line
        switch content.name {
        case "BEGIN": begin(content.value.trimmedWhitespace.uppercased(), line: line)
        case "END": end(content.value.trimmedWhitespace.uppercased(), line: line)
        default: property(content)
        }
    }

    private mutating func begin(_ component: String, line: Int) {
        switch component {
        case "VCALENDAR":
            calendar.calendars += 1
            calendarIndex = calendar.calendars - 1
            implicitCalendar = nil
            sawComponent = true
            sawCalendar = true
        case _ where !stack.contains("VCALENDAR"):
            // A bare component (a VEVENT, VTODO, … file) is read as one implicit calendar.
            if implicitCalendar == nil {
                calendar.calendars += 1
                implicitCalendar = calendar.calendars - 1
                calendar.warnings.append(ParseWarning(line: line, "\(component) outside a VCALENDAR"))
            }
            calendarIndex = implicitCalendar ?? 0
            sawComponent = true
            if component == "VEVENT" { startEvent(line: line) }
        case "VEVENT" where stack.last == "VCALENDAR":
            startEvent(line: line)
        case "VTIMEZONE":
            timezoneID = nil
            observances = []
        case "STANDARD" where stack.last == "VTIMEZONE", "DAYLIGHT" where stack.last == "VTIMEZONE":
            observance = ObservanceDraft(isDaylight: component == "DAYLIGHT")
        default:
            break
        }
        stack.append(component)
    }

    private mutating func startEvent(line: Int) {
        if eventOpen { finishEvent() }
        event = RawCalendarEvent(calendar: calendarIndex, line: line)
        eventOpen = true
    }

    private mutating func end(_ component: String, line: Int) {
        guard let index = stack.lastIndex(of: component) else {
            calendar.warnings.append(ParseWarning(line: line, "END:\(component) without BEGIN, ignored"))
            return
        }
        // Components left open inside this one are closed with it.
        let closed = stack[index...]
        closedComponent = true
        if closed.contains("STANDARD") || closed.contains("DAYLIGHT"), let draft = observance {
            if let o = draft.observance { observances.append(o) }
            observance = nil
        }
        if closed.contains("VTIMEZONE"), let id = timezoneID {
            // The first definition of a TZID wins; a second one in another VCALENDAR is a copy.
            if resolver.definitions[id] == nil, !observances.isEmpty { resolver.definitions[id] = observances }
            timezoneID = nil
        }
        if closed.contains("VEVENT"), eventOpen {
            if component != "VEVENT" {
                calendar.warnings.append(ParseWarning(line: line, "VEVENT not closed before END:\(component)"))
            }
            finishEvent()
        }
        stack.removeSubrange(index...)
    }

    private mutating func property(_ line: ContentLine) {
        switch stack.last {
        case "VEVENT" where eventOpen:
            // In place: the event's arrays stay uniquely referenced and grow without a copy.
            Self.eventProperty(line, into: &event!, warnings: &calendar.warnings)
        case "VCALENDAR":
            let text = ICalValue.unescape(line.value).trimmedWhitespace
            // The name and zone of the first calendar describe the file.
            if line.name == "X-WR-CALNAME", calendar.name == nil, calendarIndex == 0, !text.isEmpty {
                calendar.name = text
            } else if line.name == "X-WR-TIMEZONE", calendar.defaultTZID == nil, calendarIndex == 0, !text.isEmpty {
                calendar.defaultTZID = text
            }
        case "VTIMEZONE":
            let text = line.value.trimmedWhitespace
            if line.name == "TZID" {
                timezoneID = text
            } else if line.name == "X-LIC-LOCATION" || line.name == "X-MICROSOFT-CDO-TZID-NAME", let id = timezoneID {
                resolver.locations[id] = text
            }
        case "STANDARD", "DAYLIGHT":
            observance?.read(line)
        default:
            break
        }
    }

    private static func eventProperty(
        _ line: ContentLine, into e: inout RawCalendarEvent, warnings: inout [ParseWarning]
    ) {
        func warn(_ line: ContentLine, _ message: String) {
            warnings.append(ParseWarning(line: line.line, message))
        }
        func time(_ line: ContentLine) -> EventTime? {
            let value = line.value.trimmedWhitespace
            guard let t = ICalValue.time(value, tzid: line.parameter("TZID")) else {
                warn(line, "\(line.name) \(value) is not a date or date-time, ignored")
                return nil
            }
            return t
        }
        let raw = line.value
        let trimmed = raw.trimmedWhitespace
        switch line.name {
        case "UID": e.uid = trimmed
        case "SUMMARY": e.summary = ICalValue.unescape(raw)
        case "DESCRIPTION": e.description = ICalValue.unescape(raw)
        case "LOCATION": e.location = ICalValue.unescape(raw)
        case "URL": e.url = trimmed
        case "STATUS": e.status = trimmed.uppercased()
        case "RRULE":
            if OccurrenceExpander.canExpand(rule: trimmed) {
                e.rrules.append(trimmed)
            } else {
                e.broken.append("RRULE")
                warn(line, "RRULE \(trimmed) cannot be read; the event is not expanded")
            }
        case "CATEGORIES": e.categories += ICalValue.textList(raw)
        case "DTSTART":
            guard e.dtstart == nil else {
                e.broken.append("DTSTART")
                warn(line, "second DTSTART; the event is not expanded")
                return
            }
            guard let t = time(line) else { return }
            e.dtstart = t
            switch t {
            case .utc: e.tzid = "UTC"
            case .zoned: e.tzid = line.parameter("TZID")
            default: e.tzid = nil
            }
        case "DTEND":
            if e.dtend == nil {
                e.dtend = time(line)
                if e.dtend == nil { e.broken.append("DTEND") }
            }
        case "RECURRENCE-ID":
            if e.recurrenceID == nil {
                e.recurrenceID = time(line)
                e.thisAndFuture = line.parameter("RANGE")?.uppercased() == "THISANDFUTURE"
            }
        case "DURATION":
            if ICalDuration(trimmed) != nil {
                e.duration = trimmed
            } else {
                e.broken.append("DURATION")
                warn(line, "DURATION \(trimmed) is not a duration; the event is not expanded")
            }
        case "SEQUENCE":
            if let n = Int(trimmed) {
                e.sequence = n
            } else {
                warn(line, "SEQUENCE \(trimmed) is not an integer, ignored")
            }
        case "LAST-MODIFIED", "DTSTAMP":
            guard let date = ICalValue.instant(trimmed) else {
                warn(line, "\(line.name) \(trimmed) is not a date-time, ignored")
                return
            }
            if line.name == "DTSTAMP" { e.dtstamp = date } else { e.lastModified = date }
        case "RDATE":
            let type = line.parameter("VALUE")?.uppercased()
            for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
                let text = item.trimmedWhitespace
                if type == "PERIOD" || text.utf8.contains(0x2F) {
                    if CalendarAdapter.isPeriod(text) {
                        e.rdatePeriods.append(text)
                        e.rdatePeriodTZIDs.append(line.parameter("TZID"))
                        continue
                    }
                } else if type != "TIME", let t = ICalValue.time(text, tzid: line.parameter("TZID")) {
                    e.rdates.append(t)
                    continue
                }
                if trimmed.isEmpty, type == nil { continue }
                e.broken.append("RDATE")
                warn(line, "RDATE value \(text) is not a date or period; the event is not expanded")
            }
        case "EXDATE":
            for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
                let text = item.trimmedWhitespace
                if let t = ICalValue.time(text, tzid: line.parameter("TZID")) {
                    e.exdates.append(t)
                } else {
                    e.broken.append("EXDATE")
                    warn(line, "EXDATE value \(text) is not a date; the event is not expanded")
                }
            }
        default:
            break
        }
    }

    private mutating func finishEvent() {
        eventOpen = false
        guard let e = event.take() else { return }
        // Kept so that `inspect` lists every VEVENT; the adapter leaves it out of the events.
        if e.dtstart == nil {
            calendar.warnings.append(ParseWarning(line: e.line, "VEVENT without a valid DTSTART skipped"))
        }
        calendar.events.append(e)
    }

    /// Closes what is still open and resolves TZIDs now that every VTIMEZONE has been seen.
    mutating func finish() -> Result<RawCalendar, ParseFailure> {
        if eventOpen {
            calendar.warnings.append(ParseWarning("VEVENT not closed at end of file"))
            finishEvent()
        }
        guard sawComponent else {
            return .failure(ParseFailure("no BEGIN:VCALENDAR found; not an iCalendar document"))
        }
        guard sawCalendar || closedComponent || !calendar.events.isEmpty else {
            return .failure(ParseFailure("no VCALENDAR and no complete component; not an iCalendar document"))
        }
        resolveZones()
        return .success(calendar)
    }

    private mutating func resolveZones() {
        var resolved: [String: TZIDResolver.Resolution] = [:]
        var warned = Set<String>()
        func fix(_ t: EventTime?) -> EventTime? {
            guard case .zoned(let c, let tzid)? = t else { return t }
            if resolved[tzid] == nil { resolved[tzid] = resolver.resolve(tzid) }
            switch resolved[tzid] ?? .unknown {
            case .iana(let iana): return .zoned(c, tzid: iana)
            case .custom(let rules):
                calendar.zones[tzid] = rules
                return t
            case .unknown:
                if warned.insert(tzid).inserted {
                    calendar.warnings.append(
                        ParseWarning("unknown TZID \(tzid); its times are read in the hub time zone"))
                }
                return t
            }
        }
        // In place: a copy of each event would retain and release every one of its fields.
        for i in calendar.events.indices {
            calendar.events[i].dtstart = fix(calendar.events[i].dtstart)
            calendar.events[i].dtend = fix(calendar.events[i].dtend)
            calendar.events[i].recurrenceID = fix(calendar.events[i].recurrenceID)
            if !calendar.events[i].rdates.isEmpty {
                calendar.events[i].rdates = calendar.events[i].rdates.compactMap { fix($0) }
            }
            if !calendar.events[i].exdates.isEmpty {
                calendar.events[i].exdates = calendar.events[i].exdates.compactMap { fix($0) }
            }
            if !calendar.events[i].rdatePeriodTZIDs.isEmpty {
                calendar.events[i].rdatePeriodTZIDs = calendar.events[i].rdatePeriodTZIDs.map { tzid in
                    guard let tzid else { return nil }
                    let probe = EventTime.zoned(
                        CivilDateTime(year: 2000, month: 1, day: 1, hour: 0, minute: 0), tzid: tzid)
                    return fix(probe)?.tzidIfZoned ?? tzid
                }
            }
        }
    }
}
