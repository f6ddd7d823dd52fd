import FeedModel
import Foundation

/// The state machine behind `ICalendarParser`: components, the open VEVENT, warnings.
struct ICalendarReader {
    var calendar = RawCalendar()
    private var stack: [String] = []
    private var event: RawCalendarEvent?
    /// Index of the VCALENDAR that holds the lines being read.
    private var calendarIndex = 0
    private var sawComponent = false
    /// Set while VEVENTs stand outside any VCALENDAR (a bare VEVENT file).
    private var implicitCalendar: Int?
    private var resolver = TZIDResolver()
    private var timezoneID: String?
    private var dtstartLine: Int?

    mutating func read(_ text: String, line: Int) {
        guard let content = ContentLine(text, line: line) else {
            if !text.trimmingCharacters(in: .whitespaces).isEmpty {
                calendar.warnings.append(ParseWarning(line: line, "not a content line, ignored"))
            }
            return
        }
        let value = content.value.trimmingCharacters(in: .whitespaces).uppercased()
        switch content.name {
        case "BEGIN": begin(value, line: line)
        case "END": end(value, line: line)
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
        default:
            break
        }
        stack.append(component)
    }

    private mutating func startEvent(line: Int) {
        if event != nil { finishEvent() }
        event = RawCalendarEvent(calendar: calendarIndex, line: line)
        dtstartLine = nil
    }

    private mutating func end(_ component: String, line: Int) {
        guard let index = stack.lastIndex(of: component) else {
            calendar.warnings.append(ParseWarning(line: line, "END:\(component) without BEGIN, ignored"))
            return
        }
        // Components left open inside this one are closed with it.
        let closed = stack[index...]
        if closed.contains("VEVENT"), event != nil {
            if component != "VEVENT" {
                calendar.warnings.append(ParseWarning(line: line, "VEVENT not closed before END:\(component)"))
            }
            finishEvent()
        }
        stack.removeSubrange(index...)
    }

    private mutating func property(_ line: ContentLine) {
        switch stack.last {
        case "VEVENT" where event != nil:
            eventProperty(line)
        case "VCALENDAR":
            let text = ICalValue.unescape(line.value).trimmingCharacters(in: .whitespaces)
            // The name and zone of the first calendar describe the file.
            if line.name == "X-WR-CALNAME", calendar.name == nil, calendarIndex == 0, !text.isEmpty {
                calendar.name = text
            } else if line.name == "X-WR-TIMEZONE", calendar.defaultTZID == nil, calendarIndex == 0, !text.isEmpty {
                calendar.defaultTZID = text
            }
        case "VTIMEZONE":
            let text = line.value.trimmingCharacters(in: .whitespaces)
            if line.name == "TZID" {
                timezoneID = text
            } else if line.name == "X-LIC-LOCATION" || line.name == "X-MICROSOFT-CDO-TZID-NAME", let id = timezoneID {
                resolver.locations[id] = text
            }
        default:
            break
        }
    }

    private mutating func eventProperty(_ line: ContentLine) {
        guard var e = event else { return }
        defer { event = e }
        let raw = line.value
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        switch line.name {
        case "UID": e.uid = trimmed
        case "SUMMARY": e.summary = ICalValue.unescape(raw)
        case "DESCRIPTION": e.description = ICalValue.unescape(raw)
        case "LOCATION": e.location = ICalValue.unescape(raw)
        case "URL": e.url = trimmed
        case "STATUS": e.status = trimmed.uppercased()
        case "RRULE": if !trimmed.isEmpty { e.rrules.append(trimmed) }
        case "CATEGORIES": e.categories += ICalValue.textList(raw)
        case "DTSTART":
            guard e.dtstart == nil else { return }
            guard let t = time(line) else { return }
            e.dtstart = t
            dtstartLine = line.line
            switch t {
            case .utc: e.tzid = "UTC"
            case .zoned: e.tzid = line.parameter("TZID")
            default: e.tzid = nil
            }
        case "DTEND":
            if e.dtend == nil { e.dtend = time(line) }
        case "RECURRENCE-ID":
            if e.recurrenceID == nil { e.recurrenceID = time(line) }
        case "DURATION":
            if ICalDuration(trimmed) != nil {
                e.duration = trimmed
            } else {
                warn(line, "DURATION \(trimmed) is not a duration, ignored")
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
            for item in trimmed.split(separator: ",") {
                let text = item.trimmingCharacters(in: .whitespaces)
                if line.parameter("VALUE")?.uppercased() == "PERIOD" || text.contains("/") {
                    e.rdatePeriods.append(text)
                } else if let t = ICalValue.time(text, tzid: line.parameter("TZID")) {
                    e.rdates.append(t)
                } else {
                    warn(line, "RDATE value \(text) is not a date, ignored")
                }
            }
        case "EXDATE":
            for item in trimmed.split(separator: ",") {
                let text = item.trimmingCharacters(in: .whitespaces)
                if let t = ICalValue.time(text, tzid: line.parameter("TZID")) {
                    e.exdates.append(t)
                } else {
                    warn(line, "EXDATE value \(text) is not a date, ignored")
                }
            }
        default:
            break
        }
    }

    private mutating func time(_ line: ContentLine) -> EventTime? {
        let value = line.value.trimmingCharacters(in: .whitespaces)
        guard let t = ICalValue.time(value, tzid: line.parameter("TZID")) else {
            warn(line, "\(line.name) \(value) is not a date or date-time, ignored")
            return nil
        }
        return t
    }

    private mutating func warn(_ line: ContentLine, _ message: String) {
        calendar.warnings.append(ParseWarning(line: line.line, message))
    }

    private mutating func finishEvent() {
        guard let e = event else { return }
        event = nil
        // Kept so that `inspect` lists every VEVENT; the adapter leaves it out of the events.
        if e.dtstart == nil {
            calendar.warnings.append(ParseWarning(line: e.line, "VEVENT without a valid DTSTART skipped"))
        }
        calendar.events.append(e)
    }

    /// Closes what is still open and resolves TZIDs now that every VTIMEZONE has been seen.
    mutating func finish() -> Result<RawCalendar, ParseFailure> {
        if event != nil {
            calendar.warnings.append(ParseWarning("VEVENT not closed at end of file"))
            finishEvent()
        }
        guard sawComponent else {
            return .failure(ParseFailure("no BEGIN:VCALENDAR found; not an iCalendar document"))
        }
        resolveZones()
        return .success(calendar)
    }

    private mutating func resolveZones() {
        var resolved: [String: String?] = [:]
        var warned = Set<String>()
        func fix(_ t: EventTime?) -> EventTime? {
            guard case .zoned(let c, let tzid)? = t else { return t }
            if resolved[tzid] == nil { resolved[tzid] = .some(resolver.resolve(tzid)) }
            if let iana = resolved[tzid] ?? nil { return .zoned(c, tzid: iana) }
            if warned.insert(tzid).inserted {
                calendar.warnings.append(ParseWarning("unknown TZID \(tzid); its times are read in the hub time zone"))
            }
            return t
        }
        for i in calendar.events.indices {
            var e = calendar.events[i]
            e.dtstart = fix(e.dtstart)
            e.dtend = fix(e.dtend)
            e.recurrenceID = fix(e.recurrenceID)
            e.rdates = e.rdates.compactMap { fix($0) }
            e.exdates = e.exdates.compactMap { fix($0) }
            calendar.events[i] = e
        }
    }
}
