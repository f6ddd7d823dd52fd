import FeedModel
import Foundation
import Merging
import Parsing

/// Renders `regional.json` (events) and `news.json` (articles) as JSON Feed 1.1.
public enum JSONFeedPublisher {
    struct Feed: Encodable {
        var version = "https://jsonfeed.org/version/1.1"
        var title: String
        var home_page_url: String
        var feed_url: String
        var description: String
        var language: String
        var authors: [Author]
        var items: [Item]
    }

    struct Author: Encodable {
        var name: String
        var url: String?
    }

    struct Item: Encodable {
        var id: String
        var url: String?
        var title: String
        var content_html: String?
        var content_text: String?
        var summary: String?
        var image: String?
        var date_published: String?
        var date_modified: String?
        var authors: [Author]?
        var tags: [String]?
        var _labnetz: Extension
    }

    /// The hub's extension object: JSON Feed allows keys starting with `_`.
    struct Extension: Encodable {
        var start: String?
        var end: String?
        var allDay: Bool?
        var location: String?
        var status: String?
        var recurrence: [String]?
        var sources: [SourceItemRef]

        enum CodingKeys: String, CodingKey { case start, end, allDay, location, status, recurrence, sources }

        /// Event fields are always present (null when unknown) so consumers need no key checks.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            if let start {
                try c.encode(start, forKey: .start)
                try c.encode(end, forKey: .end)
                try c.encode(allDay, forKey: .allDay)
                try c.encode(location, forKey: .location)
                try c.encode(status, forKey: .status)
                try c.encodeIfPresent(recurrence, forKey: .recurrence)
            }
            try c.encode(sources, forKey: .sources)
        }
    }

    public static func renderEvents(_ input: PublishInput) -> String {
        let zone = input.hub.timeZone
        let items = input.events.map { merged -> Item in
            let e = merged.event
            return Item(
                id: merged.uid, url: e.url, title: e.title, content_html: nil,
                content_text: e.summary.map { ICSPublisher.plain($0) } ?? e.title, summary: nil, image: nil,
                date_published: FeedDate.rfc3339(merged.firstSeen), date_modified: FeedDate.rfc3339(merged.lastChanged),
                authors: authors(merged.sources, input), tags: e.categories.isEmpty ? nil : e.categories,
                _labnetz: Extension(
                    start: iso(e.start, zone: zone), end: e.end.map { iso($0, zone: zone) }, allDay: e.start.isAllDay,
                    location: e.location, status: e.status.rawValue.lowercased(),
                    recurrence: e.rrules.isEmpty ? nil : e.rrules, sources: merged.sources))
        }
        return encode(
            Feed(
                title: input.hub.title, home_page_url: input.hub.baseURL, feed_url: input.hub.baseURL + "regional.json",
                description: "Termine aller Mitglieder, zusammengeführt", language: input.hub.language,
                authors: [Author(name: input.hub.title, url: input.hub.baseURL)], items: items))
    }

    public static func renderNews(_ input: PublishInput) -> String {
        let items = input.newsArticles.map { merged -> Item in
            let a = merged.article
            return Item(
                id: a.id, url: a.link, title: a.title, content_html: a.content ?? a.summary ?? "", content_text: nil,
                summary: a.summary.map { HTMLSanitizer.plainText($0) }, image: a.imageURL,
                date_published: a.published.map(FeedDate.rfc3339), date_modified: a.updated.map(FeedDate.rfc3339),
                authors: authors(merged.sources, input), tags: a.categories.isEmpty ? nil : a.categories,
                _labnetz: Extension(sources: merged.sources))
        }
        return encode(
            Feed(
                title: "\(input.hub.title): Neuigkeiten", home_page_url: input.hub.baseURL,
                feed_url: input.hub.baseURL + "news.json", description: "Neuigkeiten aller Mitglieder",
                language: input.hub.language, authors: [Author(name: input.hub.title, url: input.hub.baseURL)],
                items: items))
    }

    static func authors(_ refs: [SourceItemRef], _ input: PublishInput) -> [Author] {
        Set(refs.map(\.member)).sorted().map { id in
            Author(name: input.memberName(id), url: input.config.members.first { $0.id == id }?.homepage)
        }
    }

    /// ISO 8601 with the hub zone's offset for timed values; a plain date for all-day ones.
    static func iso(_ time: EventTime, zone: TimeZone) -> String {
        if case .allDay(let date) = time { return date.isoString }
        return CivilDateTime.isoString(time.instant(hub: zone), in: zone)
    }

    private static func encode(_ feed: Feed) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(feed)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
