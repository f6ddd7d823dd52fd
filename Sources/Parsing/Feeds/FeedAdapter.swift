import FeedModel
import Foundation

/// Turns a `RawFeed` into the normalized model: entries become articles, event entries events.
public enum FeedAdapter {
    /// Normalizes `raw`; entries with neither title nor content are skipped with a warning.
    public static func normalize(_ raw: RawFeed) -> ParseResult {
        let format: FeedFormat
        if raw.format.hasPrefix("atom") {
            format = .atom
        } else if raw.format.hasPrefix("json") {
            format = .jsonFeed
        } else {
            format = .rss
        }
        var result = ParseResult(
            format: format, version: raw.format, title: raw.title.map(HTMLSanitizer.plainText), link: raw.link,
            warnings: raw.warnings, bozo: raw.bozo)
        for entry in raw.entries {
            let title = entry.title.map(HTMLSanitizer.plainText) ?? ""
            let content =
                entry.content.first { $0.type == "text/html" || $0.type == "application/xhtml+xml" }
                ?? entry.content.first
            let body = content.map { $0.type == "text/plain" ? HTMLEscape.text($0.value) : $0.value }
            if title.isEmpty && (body ?? "").isEmpty && (entry.summary ?? "").isEmpty {
                result.warnings.append(ParseWarning(line: entry.line, "entry without title or content skipped"))
                continue
            }
            let id = identity(entry, content: body ?? entry.summary ?? "")
            let summary = entry.summary.flatMap { $0.isEmpty ? nil : $0 }
            if let event = entry.event {
                var categories = entry.categories.map(\.term)
                if let type = event.type, !categories.contains(type) { categories.append(type) }
                result.events.append(
                    Event(
                        uid: id, title: title, summary: summary ?? body, url: entry.link, location: event.location,
                        start: event.start, end: event.end, categories: categories,
                        lastModified: entry.updated ?? entry.published, organizer: event.organizer))
            } else {
                result.articles.append(
                    Article(
                        id: id, title: title, link: entry.link, summary: summary, content: body,
                        published: entry.published, updated: entry.updated,
                        authors: entry.authors.compactMap { $0.name ?? $0.email },
                        categories: entry.categories.map(\.term), imageURL: imageURL(entry)))
            }
        }
        return result
    }

    /// The entry's own id, else its link, else a hash that stays the same across fetches as
    /// long as title, date and content do.
    static func identity(_ entry: RawEntry, content: String) -> String {
        if let id = entry.id?.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty { return id }
        if let link = entry.link, !link.isEmpty { return link }
        let date = (entry.published ?? entry.updated).map(FeedDate.rfc3339) ?? ""
        return SHA256.hex((entry.title ?? "") + "\u{1F}" + date + "\u{1F}" + content)
    }

    /// The first enclosure that is a picture, by MIME type or, failing that, file extension.
    static func imageURL(_ entry: RawEntry) -> String? {
        let enclosed = entry.enclosures.first { e in
            if let type = e.type?.lowercased(), !type.isEmpty { return type.hasPrefix("image") }
            return FeedXMLBuilder.imageType(for: e.href) != nil
        }
        return enclosed?.href ?? entry.thumbnails.first
    }
}
