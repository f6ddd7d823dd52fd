import FeedModel
import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
public enum JSONFeedParser {
    /// Parses a JSON Feed. Missing `version`, `title` or `items` make the result `bozo`;
    /// text that is not JSON, or JSON that is not an object, is a failure.
    public static func parse(_ data: Data, baseURL: String?) -> Result<RawFeed, ParseFailure> {
        let object: Any
        var lenient = false
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            // Serializers in the wild write NaN and Infinity (JavaScript's JSON does not, JSON5 does):
            // read them, keep what is valid, and say so.
            guard let repaired = nonFiniteAsNull(data),
                let again = try? JSONSerialization.jsonObject(with: repaired, options: [.fragmentsAllowed])
            else { return .failure(ParseFailure("invalid JSON: \(error.localizedDescription)")) }
            object = again
            lenient = true
        }
        guard let root = object as? [String: Any] else {
            return .failure(ParseFailure("a JSON Feed must be a JSON object"))
        }
        var feed = RawFeed(format: "json")
        if lenient { flag(&feed, "not strict JSON: NaN or Infinity read as null") }
        switch (root["version"] as? String)?.trimmingCharacters(in: .whitespaces) {
        case "https://jsonfeed.org/version/1", "http://jsonfeed.org/version/1":
            feed.format = "json10"
        case "https://jsonfeed.org/version/1.1", "http://jsonfeed.org/version/1.1":
            feed.format = "json11"
        case nil:
            flag(&feed, "missing or non-string \"version\"")
        case let other?:
            feed.warnings.append(ParseWarning("unknown JSON Feed version \"\(other.prefix(80))\""))
        }
        if let title = root["title"] as? String {
            feed.title = title
        } else {
            flag(&feed, "missing or non-string \"title\"")
        }
        if let home = string(root["home_page_url"]) {
            let href = URLResolver.resolve(home, against: baseURL)
            feed.link = href
            feed.links.append(RawLink(rel: "alternate", type: "text/html", href: href))
        }
        if let self_ = string(root["feed_url"]) {
            let href = URLResolver.resolve(self_, against: baseURL)
            feed.id = href
            feed.links.append(RawLink(rel: "self", type: "application/feed+json", href: href))
        }
        feed.subtitle = string(root["description"])
        feed.language = string(root["language"])
        feed.authors = authors(root, baseURL: baseURL)
        guard let items = root["items"] as? [Any] else {
            flag(&feed, "missing or non-array \"items\"")
            return .success(feed)
        }
        for (index, value) in items.enumerated() {
            guard let item = value as? [String: Any] else {
                feed.warnings.append(ParseWarning("item \(index) is not an object; skipped"))
                continue
            }
            feed.entries.append(entry(item, baseURL: baseURL, warnings: &feed.warnings))
        }
        return .success(feed)
    }

    private static func flag(_ feed: inout RawFeed, _ message: String) {
        feed.bozo = true
        feed.warnings.append(ParseWarning(message))
    }

    private static func entry(_ item: [String: Any], baseURL: String?, warnings: inout [ParseWarning]) -> RawEntry {
        var e = RawEntry()
        e.id = identifier(item["id"])
        e.title = item["title"] as? String
        if let url = string(item["url"]) {
            let href = URLResolver.resolve(url, against: baseURL)
            e.link = href
            e.links.append(RawLink(rel: "alternate", type: "text/html", href: href))
        }
        if let external = string(item["external_url"]) {
            e.links.append(RawLink(rel: "related", href: URLResolver.resolve(external, against: baseURL)))
        }
        if let html = item["content_html"] as? String {
            e.content.append(
                RawContent(type: "text/html", value: HTMLSanitizer.sanitize(html, baseURL: e.link ?? baseURL)))
        }
        if let text = item["content_text"] as? String {
            e.content.append(RawContent(type: "text/plain", value: text))
        }
        e.summary = item["summary"] as? String
        for (key, published) in [("date_published", true), ("date_modified", false)] {
            guard let text = item[key] as? String else { continue }
            if let date = FeedDate.parse(text) {
                if published { e.published = date } else { e.updated = date }
            } else {
                warnings.append(ParseWarning("unreadable \(key) \"\(text.prefix(80))\""))
            }
        }
        e.authors = authors(item, baseURL: baseURL)
        for tag in item["tags"] as? [Any] ?? [] {
            if let term = tag as? String, !term.trimmingCharacters(in: .whitespaces).isEmpty {
                e.categories.append(RawCategory(term: term))
            }
        }
        for value in item["attachments"] as? [Any] ?? [] {
            guard let a = value as? [String: Any], let url = string(a["url"]) else { continue }
            let href = URLResolver.resolve(url, against: baseURL)
            let type = string(a["mime_type"])
            e.enclosures.append(RawEnclosure(href: href, type: type, length: number(a["size_in_bytes"])))
        }
        if let image = string(item["image"]) {
            // Not an attachment in the spec's sense, but the entry's picture: the adapter finds
            // it among the image enclosures.
            let href = URLResolver.resolve(image, against: baseURL)
            if !e.enclosures.contains(where: { $0.href == href }) {
                e.enclosures.append(
                    RawEnclosure(href: href, type: FeedXMLBuilder.imageType(for: href) ?? "image"))
            }
        }
        return e
    }

    /// 1.1 `authors`, else the 1.0 `author` object.
    private static func authors(_ object: [String: Any], baseURL: String?) -> [RawPerson] {
        var list: [[String: Any]] = (object["authors"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        if list.isEmpty, let single = object["author"] as? [String: Any] { list = [single] }
        // Every author object counts, even one whose fields are missing or of the wrong type;
        // a mailto: url stays the author's url (the spec has no e-mail field).
        return list.map { a in
            RawPerson(name: string(a["name"]), href: string(a["url"]).map { URLResolver.resolve($0, against: baseURL) })
        }
    }

    /// A non-blank string, trimmed.
    private static func string(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// Ids must be strings; numbers are accepted as their text, booleans and others are not.
    /// `data` with the bare tokens NaN, Infinity and -Infinity (outside strings) replaced by
    /// `null`; nil when there were none, so the document stays invalid.
    static func nonFiniteAsNull(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false
        var replaced = false
        var i = 0
        let tokens = [Array("-Infinity".utf8), Array("Infinity".utf8), Array("NaN".utf8)]
        while i < bytes.count {
            let c = bytes[i]
            if inString {
                out.append(c)
                if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                    out.append(bytes[i + 1])
                    i += 2
                    continue
                }
                if c == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            if c == UInt8(ascii: "\"") { inString = true }
            if let token = tokens.first(where: { bytes[i...].starts(with: $0) }) {
                out.append(contentsOf: Array("null".utf8))
                i += token.count
                replaced = true
                continue
            }
            out.append(c)
            i += 1
        }
        return replaced ? Data(out) : nil
    }

    private static func identifier(_ value: Any?) -> String? {
        if let s = value as? String { return s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : s }
        return number(value)
    }

    private static func number(_ value: Any?) -> String? {
        guard let n = value as? NSNumber, !isBoolean(n) else { return nil }
        let d = n.doubleValue
        guard d.isFinite else { return nil }
        // A number written with a fraction (`200.0`) keeps it, as the feed wrote it.
        if String(cString: n.objCType) != "d", d == d.rounded(), abs(d) < 9e15 { return String(Int64(d)) }
        return String(d)
    }

    private static func isBoolean(_ n: NSNumber) -> Bool {
        // JSONSerialization boxes true/false as a boolean NSNumber whose objCType is "c"; real
        // numbers come back as "i", "q" or "d", and `is Bool` alone would also match 0 and 1.
        String(cString: n.objCType) == "c"
    }
}
