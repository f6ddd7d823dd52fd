import FeedModel
import Foundation
import Testing

@testable import Parsing

struct FeedAdapterTests {
    @Test func articlesFromRSS() throws {
        let raw = try XMLFeedParser.parse(
            FeedFixture.data("rss20-wordpress-content-encoded.xml"), baseURL: nil, contentType: nil
        ).get()
        let result = FeedAdapter.normalize(raw)
        #expect(result.format == .rss)
        #expect(result.version == "rss20")
        #expect(result.title == "Lab Blog")
        #expect(result.articles.count == 2)
        #expect(result.events.isEmpty)
        let a = result.articles[0]
        #expect(a.id == "https://lab.example.org/?p=17")
        #expect(a.title == "Offene Werkstatt & Lötkurs")
        #expect(a.authors == ["Anna Beispiel"])
        #expect(a.categories == ["Workshop"])
        #expect(a.content?.contains("<strong>") == true)
        #expect(a.published != nil)
    }

    @Test func eventEntriesBecomeEvents() throws {
        let raw = try XMLFeedParser.parse(FeedFixture.data("rss-event-module.xml"), baseURL: nil, contentType: nil)
            .get()
        let result = FeedAdapter.normalize(raw)
        #expect(result.events.count == 2)
        #expect(result.articles.count == 1)
        let e = result.events[0]
        #expect(e.uid == "https://lab.example.org/repair")
        #expect(e.title == "Repair-Café")
        #expect(e.url == "https://lab.example.org/repair")
        #expect(e.location == "Stadtlabor, Marktplatz 1")
        #expect(e.start == .utc(CivilDateTime(year: 2025, month: 6, day: 7, hour: 8, minute: 0)))
        #expect(e.categories == ["Reparatur"])
        #expect(result.events[1].start.isAllDay)
    }

    @Test func hashIdentityIsStableAndEmptyEntriesAreSkipped() {
        var raw = RawFeed(format: "rss20")
        var e = RawEntry()
        e.title = "Ohne Link"
        e.content = [RawContent(type: "text/html", value: "<p>x</p>")]
        raw.entries = [e, RawEntry()]
        let first = FeedAdapter.normalize(raw)
        let second = FeedAdapter.normalize(raw)
        #expect(first.articles.count == 1)
        #expect(first.articles[0].id == second.articles[0].id)
        #expect(first.articles[0].id == SHA256.hex("Ohne Link\u{1F}\u{1F}<p>x</p>"))
        #expect(first.warnings.contains { $0.message.contains("skipped") })
    }

    @Test func imageFromFirstImageEnclosureAndJSONFormat() throws {
        let raw = try JSONFeedParser.parse(FeedFixture.data("jsonfeed-11.json"), baseURL: nil).get()
        let result = FeedAdapter.normalize(raw)
        #expect(result.format == .jsonFeed)
        #expect(result.version == "json11")
        #expect(result.articles[0].imageURL == "https://lab.example.org/42.png")
        #expect(result.articles[0].id == "42")
        // An entry without title but with content stays, with an empty title.
        #expect(result.articles.count == 2)
        #expect(result.articles[1].content == "Ohne Titel")
    }

    @Test func atomFormatAndBozoCarryOver() throws {
        let raw = try XMLFeedParser.parse(FeedFixture.data("truncated.xml"), baseURL: nil, contentType: nil).get()
        let result = FeedAdapter.normalize(raw)
        #expect(result.bozo)
        #expect(!result.warnings.isEmpty)
        let atom = FeedAdapter.normalize(
            try XMLFeedParser.parse(FeedFixture.data("atom-text-types.xml"), baseURL: nil, contentType: nil).get())
        #expect(atom.format == .atom)
        #expect(atom.articles.first?.title == "Fett & mutig")
    }
}
