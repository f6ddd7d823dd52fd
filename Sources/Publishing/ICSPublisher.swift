import FeedModel
import Foundation
import Merging
import Parsing

/// Renders the merged events as `regional.ics` (RFC 5545), one VTIMEZONE for the hub zone.
public enum ICSPublisher {
    public static func render(_ input: PublishInput) -> String {
        let zone = input.hub.timeZone
        var w = ICSWriter()
        w.line("BEGIN", "VCALENDAR")
        w.line("VERSION", "2.0")
        w.line("PRODID", "-//labnetz//\(input.hub.id)//DE")
        w.line("CALSCALE", "GREGORIAN")
        w.line("METHOD", "PUBLISH")
        w.text("X-WR-CALNAME", input.hub.title)
        w.line("X-WR-TIMEZONE", zone.identifier)
        w.line("REFRESH-INTERVAL", "PT1H", [("VALUE", "DURATION")])
        w.line("X-PUBLISHED-TTL", "PT1H")
        let year = CivilDateTime(input.contentUpdated, in: zone).date.year
        VTimeZoneBuilder.write(zone, year: max(year, 1971), into: &w)
        for merged in input.events {
            write(merged.event, of: merged, zone: zone, input: input, into: &w)
            for override in merged.overrides { write(override, of: merged, zone: zone, input: input, into: &w) }
        }
        w.line("END", "VCALENDAR")
        return w.text
    }

    private static func write(
        _ event: Event, of merged: MergedEvent, zone: TimeZone, input: PublishInput, into w: inout ICSWriter
    ) {
        w.line("BEGIN", "VEVENT")
        w.line("UID", merged.uid)
        w.line("DTSTAMP", utc(merged.lastChanged))
        if let recurrenceID = event.recurrenceID { time("RECURRENCE-ID", recurrenceID, zone: zone, into: &w) }
        time("DTSTART", event.start, zone: zone, into: &w)
        if let end = event.end { time("DTEND", end, zone: zone, into: &w) }
        w.text("SUMMARY", event.title)
        if let summary = event.summary, !summary.isEmpty { w.text("DESCRIPTION", plain(summary)) }
        if let location = event.location, !location.isEmpty { w.text("LOCATION", location) }
        if let url = event.url, isWebURL(url) { w.line("URL", url, [("VALUE", "URI")]) }
        if !event.categories.isEmpty {
            w.line("CATEGORIES", event.categories.map(TextEscaping.icsText).joined(separator: ","))
        }
        for rule in event.rrules { w.line("RRULE", untilMatchingStart(rule, of: event, zone: zone)) }
        for date in event.rdates { time("RDATE", like(event.start, date, zone: zone), zone: zone, into: &w) }
        for date in event.exdates { time("EXDATE", like(event.start, date, zone: zone), zone: zone, into: &w) }
        w.line("STATUS", event.status.rawValue)
        w.line("SEQUENCE", String(event.sequence ?? 0))
        w.line("CREATED", utc(merged.firstSeen))
        w.line("LAST-MODIFIED", utc(merged.lastChanged))
        let organisers = Set(merged.sources.map(\.member)).sorted().map(input.memberName)
        w.text("X-LABNETZ-ORGANISERS", organisers.joined(separator: ", "))
        for ref in merged.sources {
            // The source's own link is provenance: the parameter keeps the value parseable as before.
            let link = ref.url.flatMap { isWebURL($0) ? [("X-LABNETZ-URL", $0)] : nil } ?? []
            w.line("X-LABNETZ-SOURCE", TextEscaping.icsText("\(ref.member)/\(ref.source)/\(ref.uid)"), link)
        }
        w.line("END", "VEVENT")
    }

    /// All-day stays a DATE; every timed value is written in the hub zone, so one VTIMEZONE serves all.
    private static func time(_ name: String, _ value: EventTime, zone: TimeZone, into w: inout ICSWriter) {
        switch value {
        case .allDay(let date):
            w.line(name, date.basicString, [("VALUE", "DATE")])
        default:
            let local = CivilDateTime(value.instant(hub: zone), in: zone)
            w.line(name, local.basicString, [("TZID", zone.identifier)])
        }
    }

    /// RFC 5545 §3.8.5.1/2: RDATE and EXDATE take DTSTART's value type. A date against a
    /// timed start names that day's instance; a time against an all-day start names its day.
    static func like(_ start: EventTime, _ value: EventTime, zone: TimeZone) -> EventTime {
        switch (start, value) {
        case (.allDay, .allDay): return value
        case (.allDay, _): return .allDay(value.localDate(hub: zone))
        case (_, .allDay(let day)):
            let c = start.civil
            let instance = CivilDateTime(date: day, hour: c.hour, minute: c.minute, second: c.second)
            switch start {
            case .utc: return .utc(instance)
            case .zoned(_, let tzid): return .zoned(instance, tzid: tzid)
            default: return .floating(instance)
            }
        default: return value
        }
    }

    /// RFC 5545 §3.3.10: UNTIL must be UTC when DTSTART has a zone, and a DATE when DTSTART is one.
    /// DTSTART is always written zoned here, so a source's local or floating UNTIL is converted.
    static func untilMatchingStart(_ rule: String, of event: Event, zone: TimeZone) -> String {
        let startZone = event.start.zone(hub: zone)
        let parts = rule.split(separator: ";").map { part -> String in
            guard part.uppercased().hasPrefix("UNTIL="),
                let until = EventTime(iCalendar: String(part.dropFirst(6)), tzid: nil)
            else { return String(part) }
            switch (event.start, until) {
            case (.allDay, .allDay), (.utc, .utc), (.zoned, .utc), (.floating, .utc):
                return String(part)
            case (.allDay, _):
                return "UNTIL=" + until.localDate(hub: startZone).basicString
            case (_, .allDay(let day)):
                // A DATE bound includes its whole day.
                return "UNTIL=" + utc(CivilDateTime(date: day, hour: 23, minute: 59, second: 59).instant(in: startZone))
            case (_, .floating(let local)), (_, .zoned(let local, _)):
                return "UNTIL=" + utc(local.instant(in: startZone))
            }
        }
        return parts.joined(separator: ";")
    }

    static func utc(_ date: Date) -> String {
        CivilDateTime(date, in: TimeZone(identifier: "UTC")!).basicString + "Z"
    }

    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !text.contains(where: \.isWhitespace)
    }

    /// Calendar clients show DESCRIPTION as plain text; markup from a source would show as tags.
    static func plain(_ html: String) -> String {
        html.contains("<") || html.contains("&") ? HTMLSanitizer.plainText(html) : html
    }
}
