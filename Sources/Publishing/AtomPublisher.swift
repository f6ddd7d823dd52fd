import FeedModel
import Foundation
import Merging
import Parsing

/// Renders the merged news as `news.atom` (Atom 1.0).
public enum AtomPublisher {
    public static func render(_ input: PublishInput) -> String {
        let hub = input.hub
        let x = TextEscaping.xml
        var out = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        out += #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(x(hub.language))">"# + "\n"
        out += "  <id>\(x(hub.baseURL + "news.atom"))</id>\n"
        out += "  <title>\(x(hub.title)): Neuigkeiten</title>\n"
        out += "  <updated>\(FeedDate.rfc3339(input.contentUpdated))</updated>\n"
        out += #"  <link rel="self" type="application/atom+xml" href="\#(x(hub.baseURL + "news.atom"))"/>"# + "\n"
        out += #"  <link rel="alternate" type="text/html" href="\#(x(hub.baseURL))"/>"# + "\n"
        out += "  <author><name>\(x(hub.title))</name>\(hub.contact.map { "<email>\(x($0))</email>" } ?? "")</author>\n"
        out += "  <generator>labnetz</generator>\n"
        for merged in input.newsArticles {
            let a = merged.article
            out += "  <entry>\n"
            out += "    <id>\(x(entryID(a)))</id>\n"
            out += "    <title type=\"text\">\(x(a.title))</title>\n"
            let updated = a.updated ?? a.published ?? merged.firstSeen
            out += "    <updated>\(FeedDate.rfc3339(updated))</updated>\n"
            if let published = a.published { out += "    <published>\(FeedDate.rfc3339(published))</published>\n" }
            if let link = a.link { out += #"    <link rel="alternate" type="text/html" href="\#(x(link))"/>"# + "\n" }
            for id in Set(merged.sources.map(\.member)).sorted() {
                out += "    <author><name>\(x(input.memberName(id)))</name></author>\n"
            }
            for term in a.categories { out += #"    <category term="\#(x(term))"/>"# + "\n" }
            if let summary = a.summary, !summary.isEmpty {
                out += "    <summary type=\"html\">\(x(summary))</summary>\n"
            }
            if let content = a.content, !content.isEmpty {
                out += "    <content type=\"html\">\(x(content))</content>\n"
            }
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    /// Atom ids must be IRIs; a source's bare guid becomes a tag: URI that stays the same.
    static func entryID(_ article: Article) -> String {
        let id = article.id
        if id.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:\S+$"#, options: .regularExpression) != nil { return id }
        return "urn:labnetz:" + SHA256.hex(id).prefix(32)
    }
}
