import FeedModel
import Foundation
import Merging
import Mustache
import Parsing

/// Renders `index.html`: upcoming occurrences grouped by day, and the latest news.
public enum AgendaPublisher {
    /// How far ahead the agenda looks, and how much it shows at most.
    static let daysAhead = 90
    static let maxOccurrences = 300
    static let maxNews = 10

    public static func render(_ input: PublishInput) -> String {
        let zone = input.hub.timeZone
        let today = CivilDateTime(input.now, in: zone).date
        let from = CivilDateTime(date: today, hour: 0, minute: 0, second: 0).instant(in: zone)
        let to = from.addingTimeInterval(TimeInterval(daysAhead * 86400))
        var byUID: [String: MergedEvent] = [:]
        var all: [Event] = []
        for merged in input.events {
            byUID[merged.uid] = merged
            all.append(merged.event)
            all.append(contentsOf: merged.overrides)
        }
        let occurrences = OccurrenceExpander.occurrences(
            of: all, from: from, to: to, hubZone: zone, limit: maxOccurrences)
        var days: [(date: CivilDate, events: [[String: Any]])] = []
        for occurrence in occurrences {
            // Something that began before today but still runs is listed under today.
            let day = max(occurrence.start.localDate(hub: zone), today)
            let entry = eventContext(occurrence, merged: byUID[occurrence.event.uid], input: input)
            if days.last?.date == day {
                days[days.count - 1].events.append(entry)
            } else {
                days.append((day, [entry]))
            }
        }
        let news = input.newsArticles.prefix(maxNews).map { merged -> [String: Any] in
            var item: [String: Any] = [
                "title": merged.article.title,
                "member": Set(merged.sources.map(\.member)).sorted().map(input.memberName).joined(separator: ", "),
            ]
            if let link = merged.article.link, ICSPublisher.isWebURL(link) { item["link"] = link }
            if let published = merged.article.published {
                let date = CivilDateTime(published, in: zone).date
                item["date"] = ["iso": date.isoString, "label": GermanDates.long(date)]
            }
            return item
        }
        var context: [String: Any] = [
            "title": input.hub.title,
            "language": input.hub.language,
            "members": input.config.members.map(\.name).joined(separator: ", "),
            "days": days.map { day in
                [
                    "id": day.date.isoString, "iso": day.date.isoString, "label": GermanDates.long(day.date),
                    "events": day.events,
                ]
            },
        ]
        if !news.isEmpty { context["news"] = ["items": news] }
        guard let template = try? MustacheTemplate(string: AgendaTemplate.page) else { return "" }
        return template.render(context)
    }

    private static func eventContext(_ occurrence: Occurrence, merged: MergedEvent?, input: PublishInput) -> [String:
        Any]
    {
        let zone = input.hub.timeZone
        let event = occurrence.event
        let cancelled = event.status == .cancelled
        var entry: [String: Any] = [
            "title": event.title,
            "cssClass": cancelled ? "cancelled" : "confirmed",
            "cancelled": cancelled,
            "startISO": JSONFeedPublisher.iso(occurrence.start, zone: zone),
            "timeLabel": timeLabel(occurrence, zone: zone),
            "organisers": Set((merged?.sources ?? []).map(\.member)).sorted().map(input.memberName).joined(
                separator: ", "),
        ]
        if let url = event.url, ICSPublisher.isWebURL(url) { entry["url"] = url }
        if let location = event.location, !location.isEmpty { entry["location"] = location }
        if let summary = event.summary {
            let text = HTMLSanitizer.plainText(summary)
            if !text.isEmpty { entry["description"] = text.count > 280 ? String(text.prefix(279)) + "…" : text }
        }
        return entry
    }

    private static func timeLabel(_ occurrence: Occurrence, zone: TimeZone) -> String {
        if case .allDay(let first) = occurrence.start {
            if case .allDay(let endExclusive)? = occurrence.end {
                let last = CivilDateTime(
                    CivilDateTime(date: endExclusive, hour: 12, minute: 0, second: 0).instant(in: zone)
                        .addingTimeInterval(-86400), in: zone
                ).date
                if last > first { return "ganztägig bis \(GermanDates.long(last))" }
            }
            return "ganztägig"
        }
        let start = CivilDateTime(occurrence.start.instant(hub: zone), in: zone)
        guard let end = occurrence.end.map({ CivilDateTime($0.instant(hub: zone), in: zone) }), end > start else {
            return "ab \(GermanDates.time(start)) Uhr"
        }
        if end.date == start.date { return "\(GermanDates.time(start)) bis \(GermanDates.time(end)) Uhr" }
        return "\(GermanDates.time(start)) Uhr bis \(GermanDates.long(end.date)), \(GermanDates.time(end)) Uhr"
    }
}
