import FeedModel
import Foundation
import Testing

@testable import Parsing

struct JSONFeedParserTests {
    @Test func jsonFeed11() throws {
        let feed = try JSONFeedParser.parse(FeedFixture.data("jsonfeed-11.json"), baseURL: nil).get()
        #expect(feed.format == "json11")
        #expect(!feed.bozo)
        #expect(feed.title == "Lab JSON")
        #expect(feed.link == "https://lab.example.org/")
        #expect(feed.id == "https://lab.example.org/feed.json")
        #expect(feed.language == "de")
        #expect(feed.authors == [RawPerson(name: "Lab-Team", href: "https://lab.example.org/team")])
        #expect(feed.entries.count == 2)
        let e = feed.entries[0]
        #expect(e.id == "42")
        #expect(e.link == "https://lab.example.org/42")
        #expect(e.summary == "Kurz")
        #expect(e.content.map(\.type) == ["text/html", "text/plain"])
        #expect(e.content[0].value == "<p>Hallo Welt</p>")
        #expect(e.content[1].value == "Hallo Welt")
        #expect(e.published.map(FeedDate.rfc3339) == "2025-06-07T08:00:00Z")
        #expect(e.updated.map(FeedDate.rfc3339) == "2025-06-08T10:00:00Z")
        #expect(e.categories.map(\.term) == ["Workshop", "Löten"])
        #expect(
            e.enclosures.first
                == RawEnclosure(href: "https://lab.example.org/42.mp3", type: "audio/mpeg", length: "1234"))
        #expect(e.enclosures.contains { $0.href == "https://lab.example.org/42.png" })
        #expect(feed.entries[1].title == nil)
    }

    @Test func jsonFeed10LegacyAuthor() throws {
        let feed = try JSONFeedParser.parse(FeedFixture.data("jsonfeed-10.json"), baseURL: nil).get()
        #expect(feed.format == "json10")
        #expect(feed.authors.map(\.name) == ["Alte Schule"])
        #expect(feed.entries.first?.published.map(FeedDate.rfc3339) == "2017-05-17T15:02:12Z")
    }

    @Test func missingKeysAreBozo() throws {
        let feed = try JSONFeedParser.parse(Data(#"{"items": []}"#.utf8), baseURL: nil).get()
        #expect(feed.bozo)
        #expect(feed.warnings.contains { $0.message.contains("version") })
        #expect(feed.warnings.contains { $0.message.contains("title") })
        let noItems = try JSONFeedParser.parse(
            Data(#"{"version": "https://jsonfeed.org/version/1.1", "title": "t"}"#.utf8), baseURL: nil
        ).get()
        #expect(noItems.bozo)
        #expect(noItems.entries.isEmpty)
    }

    @Test func idsOfOtherTypes() throws {
        let json =
            #"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":true},{"id":1.5},{"id":null},{"id":7}]}"#
        let feed = try JSONFeedParser.parse(Data(json.utf8), baseURL: nil).get()
        #expect(feed.entries.map(\.id) == [nil, "1.5", nil, "7"])
    }

    @Test func nonFiniteNumbersAreReadAsNullWithAWarning() throws {
        let json =
            #"{"version":"https://jsonfeed.org/version/1.1","title":"NaN \"Infinity\"","#
            + #""items":[{"id":NaN,"title":"a"},{"id":-Infinity},{"id":200.0},{"id":"Infinity"}]}"#
        let feed = try JSONFeedParser.parse(Data(json.utf8), baseURL: nil).get()
        #expect(feed.title == #"NaN "Infinity""#)
        #expect(feed.entries.map(\.id) == [nil, nil, "200.0", "Infinity"])
        #expect(feed.bozo)
        #expect(feed.warnings.contains { $0.message.contains("NaN") })
    }

    @Test func everyAuthorObjectCountsAndMailtoStaysAURL() throws {
        let json =
            #"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[],"#
            + #""authors":[{},{"name":5},{"url":"mailto:a@x.example"}]}"#
        let feed = try JSONFeedParser.parse(Data(json.utf8), baseURL: nil).get()
        #expect(feed.authors == [RawPerson(), RawPerson(), RawPerson(href: "mailto:a@x.example")])
    }

    @Test func invalidJSONFails() {
        guard case .failure(let failure) = JSONFeedParser.parse(Data("{\"title\": ".utf8), baseURL: nil) else {
            Issue.record("invalid JSON accepted")
            return
        }
        #expect(failure.message.contains("invalid JSON"))
        #expect((try? JSONFeedParser.parse(Data("[1,2]".utf8), baseURL: nil).get()) == nil)
    }

    @Test func relativeURLsResolveAgainstBase() throws {
        let json =
            #"{"version":"https://jsonfeed.org/version/1","title":"t","items":[{"id":"1","url":"/a","content_html":"<a href=\"b\">b</a>"}]}"#
        let feed = try JSONFeedParser.parse(Data(json.utf8), baseURL: "https://lab.example.org/x/feed.json").get()
        #expect(feed.entries[0].link == "https://lab.example.org/a")
        #expect(feed.entries[0].content[0].value.contains(#"href="https://lab.example.org/b""#))
    }
}
