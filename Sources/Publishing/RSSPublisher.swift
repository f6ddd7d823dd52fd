import FeedModel
import Foundation
import Merging
import Parsing

/// Renders the merged news as `news.rss` (RSS 2.0 with `content:encoded`).
public enum RSSPublisher {
    public static func render(_ input: PublishInput) -> String {
        let hub = input.hub
        let x = TextEscaping.xml
        var out = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        out += #"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" "#
        out += #"xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">"#
        out += "\n<channel>\n"
        out += "  <title>\(x(hub.title)): Neuigkeiten</title>\n"
        out += "  <link>\(x(hub.baseURL))</link>\n"
        out += "  <description>Neuigkeiten aller Mitglieder</description>\n"
        out += "  <language>\(x(hub.language))</language>\n"
        out += #"  <atom:link rel="self" type="application/rss+xml" href="\#(x(hub.baseURL + "news.rss"))"/>"# + "\n"
        out += "  <lastBuildDate>\(FeedDate.rfc822(input.contentUpdated))</lastBuildDate>\n"
        out += "  <generator>labnetz</generator>\n"
        out += "  <ttl>60</ttl>\n"
        for merged in input.newsArticles {
            let a = merged.article
            out += "  <item>\n"
            out += "    <title>\(x(a.title))</title>\n"
            if let link = a.link { out += "    <link>\(x(link))</link>\n" }
            let permalink = a.link == a.id && a.link != nil
            out += "    <guid isPermaLink=\"\(permalink)\">\(x(a.id))</guid>\n"
            if let published = a.published { out += "    <pubDate>\(FeedDate.rfc822(published))</pubDate>\n" }
            for id in Set(merged.sources.map(\.member)).sorted() {
                out += "    <dc:creator>\(x(input.memberName(id)))</dc:creator>\n"
            }
            for term in a.categories { out += "    <category>\(x(term))</category>\n" }
            if let summary = a.summary ?? a.content, !summary.isEmpty {
                out += "    <description>\(x(summary))</description>\n"
            }
            if let content = a.content, !content.isEmpty {
                out += "    <content:encoded>\(x(content))</content:encoded>\n"
            }
            out += "  </item>\n"
        }
        out += "</channel>\n</rss>\n"
        return out
    }
}
