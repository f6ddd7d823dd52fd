import FeedModel
import Foundation
import Testing

@testable import Parsing

struct XMLFeedParserTests {
    func parse(_ name: String, baseURL: String? = nil, contentType: String? = nil) throws -> RawFeed {
        try XMLFeedParser.parse(FeedFixture.data(name), baseURL: baseURL, contentType: contentType).get()
    }

    @Test func wordpressContentEncoded() throws {
        let feed = try parse("rss20-wordpress-content-encoded.xml")
        #expect(feed.format == "rss20")
        #expect(!feed.bozo)
        #expect(feed.title == "Lab Blog")
        #expect(feed.link == "https://lab.example.org")
        #expect(feed.language == "de-DE")
        #expect(feed.updated.map(FeedDate.rfc3339) == "2025-06-03T12:00:00Z")
        #expect(
            feed.links.contains(
                RawLink(rel: "self", type: "application/rss+xml", href: "https://lab.example.org/feed/")))
        #expect(feed.entries.count == 2)
        let first = try #require(feed.entries.first)
        #expect(first.id == "https://lab.example.org/?p=17")
        #expect(first.link == "https://lab.example.org/2025/06/werkstatt/")
        #expect(first.published.map(FeedDate.rfc3339) == "2025-06-02T16:30:00Z")
        #expect(first.authors == [RawPerson(name: "Anna Beispiel")])
        #expect(first.categories == [RawCategory(term: "Workshop", scheme: "https://lab.example.org/tag")])
        #expect(first.summary == "Kurz: Wir löten.")
        let content = try #require(first.content.first)
        #expect(content.type == "text/html")
        #expect(content.value.contains("<strong>löten</strong>"))
        #expect(!content.value.contains("<script"))
        #expect(!content.value.contains("onclick"))
        // Without a document URL (and no xml:base) the relative image source stays relative.
        #expect(content.value.contains(#"src="/wp-content/uploads/kurs.jpg""#))
        // With the document URL as base it does resolve.
        let withBase = try parse("rss20-wordpress-content-encoded.xml", baseURL: "https://lab.example.org/feed/")
        #expect(
            withBase.entries[0].content[0].value.contains(#"src="https://lab.example.org/wp-content/uploads/kurs.jpg""#)
        )
        // Content without description: the summary falls back to the content.
        #expect(feed.entries[1].summary == "<p>Nur Inhalt, keine Beschreibung.</p>")
        #expect(feed.entries[1].id == "https://lab.example.org/?p=16")
    }

    @Test func isoLatin1() throws {
        let feed = try parse("rss-iso-8859-1.xml")
        #expect(feed.encoding == "iso-8859-1")
        #expect(feed.title == "Grüße aus Köln")
        #expect(feed.subtitle == "Straßenfest")
        #expect(feed.entries.first?.title == "Übersicht: Mär 2025")
        #expect(feed.entries.first?.published.map(FeedDate.rfc3339) == "2025-03-03T09:00:00Z")
    }

    @Test func contentTypeCharsetIsTheHint() throws {
        let xml = Data("<rss version=\"2.0\"><channel><title>K\u{F6}ln</title></channel></rss>".utf8)
        // The same title as Latin-1 bytes, with the charset only in the HTTP header.
        var latin = Data("<rss version=\"2.0\"><channel><title>K".utf8)
        latin.append(0xF6)
        latin.append(contentsOf: Array("ln</title></channel></rss>".utf8))
        let hinted = try XMLFeedParser.parse(
            latin, baseURL: nil, contentType: "application/rss+xml; charset=ISO-8859-1"
        ).get()
        #expect(hinted.title == "Köln")
        #expect(hinted.encoding == "iso-8859-1")
        #expect(try XMLFeedParser.parse(xml, baseURL: nil, contentType: nil).get().title == "Köln")
    }

    @Test func atomXMLBase() throws {
        let feed = try parse("atom-xml-base.xml")
        #expect(feed.format == "atom10")
        #expect(feed.language == "de")
        #expect(feed.link == "https://lab.example.org/blog/")
        #expect(feed.links.contains { $0.rel == "self" && $0.href == "https://lab.example.org/blog/feed.atom" })
        #expect(
            feed.authors == [
                RawPerson(name: "Lab-Team", email: "team@lab.example.org", href: "https://lab.example.org/team")
            ])
        #expect(feed.updated.map(FeedDate.rfc3339) == "2025-06-03T08:00:00Z")
        #expect(
            feed.entries.map(\.link) == ["https://lab.example.org/blog/posts/1", "https://lab.example.org/events/2"])
        #expect(feed.entries[0].published.map(FeedDate.rfc3339) == "2025-05-31T08:00:00Z")
        #expect(
            feed.entries[1].enclosures == [
                RawEnclosure(href: "https://lab.example.org/events/poster.png", type: "image/png", length: "2048")
            ])
        let content = try #require(feed.entries[1].content.first)
        #expect(content.base == "https://lab.example.org/events/")
        #expect(content.value.contains(#"href="https://lab.example.org/events/details.html""#))
    }

    @Test func atomTextConstructTypes() throws {
        let feed = try parse("atom-text-types.xml")
        #expect(feed.title == "AT&T <tag>")
        let entry = try #require(feed.entries.first)
        #expect(entry.title == "<b>Fett</b> &amp; mutig")
        #expect(entry.summary == "<p>Ein <em>XHTML</em> Text</p>")
        #expect(entry.content == [RawContent(type: "text/plain", value: "1 < 2 & 3 > 2")])
        #expect(
            entry.categories == [RawCategory(term: "maker", scheme: "https://lab.example.org/tags", label: "Maker")])
    }

    @Test func eventModuleByNamespaceURI() throws {
        let feed = try parse("rss-event-module.xml")
        #expect(feed.format == "rss10")
        #expect(feed.entries.count == 3)
        let repair = try #require(feed.entries[0].event)
        #expect(repair.start == .utc(CivilDateTime(year: 2025, month: 6, day: 7, hour: 8, minute: 0)))
        #expect(repair.end == .utc(CivilDateTime(year: 2025, month: 6, day: 7, hour: 12, minute: 0)))
        #expect(repair.location == "Stadtlabor, Marktplatz 1")
        #expect(feed.entries[0].id == "https://lab.example.org/repair")
        #expect(feed.entries[0].categories.map(\.term) == ["Reparatur"])
        #expect(feed.entries[1].event?.start == .allDay(CivilDate(year: 2025, month: 7, day: 1)))
        #expect(feed.entries[2].event == nil)
        #expect(feed.entries[2].updated.map(FeedDate.rfc3339) == "2025-06-01T09:00:00Z")
    }

    @Test func truncatedFeedKeepsCompleteItems() throws {
        let feed = try parse("truncated.xml")
        #expect(feed.bozo)
        #expect(feed.entries.map(\.title) == (1...6).map { "Eintrag \($0)" })
        #expect(feed.title == "Abgeschnitten")
        #expect(feed.warnings.contains { ($0.line ?? 0) > 30 })
    }

    @Test func undeclaredHTMLEntities() throws {
        let feed = try parse("undefined-entity-nbsp.xml")
        #expect(feed.bozo)
        #expect(feed.title == "Entitäten")
        #expect(feed.entries.count == 2)
        #expect(feed.entries[0].title == "Café\u{A0}Bar &amp; more")
        #expect(feed.entries[1].id == "id&nbsp;2")
        #expect(feed.warnings.contains { $0.message.contains("&nbsp;") })
    }

    @Test func externalEntityIsNeverRead() throws {
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let feed = try parse("xxe-hostname.xml")
        let entry = try #require(feed.entries.first)
        #expect(entry.title == "before--after")
        let rendered = FeedInspectJSON.render(feed)
        if let hostname, hostname.count >= 3 { #expect(!rendered.contains(hostname)) }
    }

    @Test func billionLaughsIsRejectedQuickly() throws {
        let clock = ContinuousClock()
        var outcome: Result<RawFeed, ParseFailure>?
        let elapsed = try clock.measure {
            outcome = XMLFeedParser.parse(try FeedFixture.data("billion-laughs.xml"), baseURL: nil, contentType: nil)
        }
        #expect(elapsed < .seconds(2))
        switch outcome {
        case .success(let feed):
            #expect(feed.bozo)
            #expect(FeedInspectJSON.render(feed).utf8.count < 100_000)
        case .failure, nil:
            break
        }
    }

    @Test func notAFeedIsAFailure() {
        let html = Data("<html><body>404</body></html>".utf8)
        guard case .failure(let failure) = XMLFeedParser.parse(html, baseURL: nil, contentType: nil) else {
            Issue.record("HTML page accepted as a feed")
            return
        }
        #expect(failure.message.contains("<html>"))
        #expect((try? XMLFeedParser.parse(Data(), baseURL: nil, contentType: nil).get()) == nil)
        #expect((try? XMLFeedParser.parse(Data("garbage <<<".utf8), baseURL: nil, contentType: nil).get()) == nil)
    }

    @Test func rssVersionsAndRSS090() throws {
        for (version, format) in [("0.91", "rss091u"), ("0.92", "rss092"), ("2.0", "rss20")] {
            let data = Data("<rss version=\"\(version)\"><channel><title>t</title></channel></rss>".utf8)
            #expect(try XMLFeedParser.parse(data, baseURL: nil, contentType: nil).get().format == format)
        }
        let rss090 = Data(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            <channel><title>alt</title></channel><item><title>i</title><link>http://x.example/1</link></item></rdf:RDF>
            """.utf8)
        let old = try XMLFeedParser.parse(rss090, baseURL: nil, contentType: nil).get()
        #expect(old.format == "rss090")
        #expect(old.entries.first?.link == "http://x.example/1")
    }

    @Test func unparseableDateBecomesNilWithWarning() throws {
        let data = Data(
            "<rss version=\"2.0\"><channel><item><title>t</title><pubDate>irgendwann</pubDate></item></channel></rss>"
                .utf8)
        let feed = try XMLFeedParser.parse(data, baseURL: nil, contentType: nil).get()
        #expect(feed.entries.first?.published == nil)
        #expect(feed.warnings.contains { $0.message.contains("irgendwann") })
    }

    @Test func mediaContentBecomesEnclosureAndThumbnailStaysAPicture() throws {
        let data = Data(
            """
            <rss version="2.0" xmlns:m="http://search.yahoo.com/mrss/"><channel><item><title>t</title>
            <m:content url="https://x.example/a.jpg" type="image/jpeg" fileSize="99"/><m:thumbnail url="https://x.example/t.png"/>
            </item></channel></rss>
            """.utf8)
        let entry = try #require(try XMLFeedParser.parse(data, baseURL: nil, contentType: nil).get().entries.first)
        #expect(entry.enclosures == [RawEnclosure(href: "https://x.example/a.jpg", type: "image/jpeg", length: "99")])
        #expect(entry.thumbnails == ["https://x.example/t.png"])
        // Without a picture enclosure, the thumbnail is the article's image.
        var thumbOnly = entry
        thumbOnly.enclosures = []
        #expect(FeedAdapter.imageURL(thumbOnly) == "https://x.example/t.png")
    }
}
