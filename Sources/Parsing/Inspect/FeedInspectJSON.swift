import Foundation

/// Renders a `RawFeed` as the `inspect --json` object of the conformance contract.
public enum FeedInspectJSON {
    /// Exactly one JSON object, keys sorted, nulls explicit.
    public static func render(_ raw: RawFeed) -> String {
        let object: [String: Any] = [
            "format": raw.format,
            "bozo": raw.bozo,
            "encoding": raw.encoding,
            "title": nullable(raw.title),
            "subtitle": nullable(raw.subtitle),
            "link": nullable(raw.link),
            "id": nullable(raw.id),
            "language": nullable(raw.language),
            "updated": date(raw.updated),
            "published": date(raw.published),
            "authors": raw.authors.map(person),
            "categories": raw.categories.map(category),
            "links": raw.links.map(link),
            "entries": raw.entries.map(entry),
            "warnings": raw.warnings.map(\.description),
        ]
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else {
            return #"{"error": "could not encode the feed as JSON"}"#
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func entry(_ e: RawEntry) -> [String: Any] {
        [
            "id": nullable(e.id),
            "title": nullable(e.title),
            "link": nullable(e.link),
            "published": date(e.published),
            "updated": date(e.updated),
            "summary": nullable(e.summary),
            "content": e.content.map { c -> [String: Any] in
                [
                    "type": nullable(c.type), "language": nullable(c.language), "base": nullable(c.base),
                    "value": c.value,
                ]
            },
            "authors": e.authors.map(person),
            "categories": e.categories.map(category),
            "enclosures": e.enclosures.map { x -> [String: Any] in
                ["href": x.href, "type": nullable(x.type), "length": nullable(x.length)]
            },
            "links": e.links.map(link),
        ]
    }

    private static func person(_ p: RawPerson) -> [String: Any] {
        ["name": nullable(p.name), "email": nullable(p.email), "href": nullable(p.href)]
    }

    private static func category(_ c: RawCategory) -> [String: Any] {
        ["term": c.term, "scheme": nullable(c.scheme), "label": nullable(c.label)]
    }

    private static func link(_ l: RawLink) -> [String: Any] {
        ["rel": l.rel, "type": nullable(l.type), "href": l.href, "title": nullable(l.title)]
    }

    private static func nullable(_ s: String?) -> Any { s ?? NSNull() }

    private static func date(_ d: Date?) -> Any { d.map(FeedDate.rfc3339) ?? NSNull() }
}
