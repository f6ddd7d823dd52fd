import FeedModel
import Foundation
import Testing

@testable import Parsing

/// One self-describing fixture per quirk: each file's comment says what it tests and expects.
@Suite("feed quirk fixtures")
struct FeedQuirkFixtureTests {
    func parse(_ name: String) throws -> RawFeed {
        try XMLFeedParser.parse(FeedFixture.data(name), baseURL: nil, contentType: nil).get()
    }

    @Test func bareAmpersandAndUnknownEntityStayText() throws {
        let feed = try parse("rss-bare-ampersand.xml")
        #expect(feed.bozo)
        #expect(feed.warnings.contains { $0.message.contains("bare &") })
        #expect(feed.entries.first?.link == "https://lab.example.org/?a=1&b=2")
        #expect(feed.entries.first.flatMap(\.title).map(HTMLSanitizer.plainText) == "Werkstatt &madeup; Treffen")
    }

    @Test func undeclaredWindows1252FallsBackWithAWarning() throws {
        let feed = try parse("rss-undeclared-windows-1252.xml")
        #expect(feed.entries.first?.title == "Don\u{2019}t pay 5 \u{20AC}")
        #expect(feed.bozo)
        #expect(feed.encoding == "windows-1252")
        #expect(feed.warnings.contains { $0.message.contains("read as windows-1252") })
    }

    @Test func channelDefinitionFormat() throws {
        let feed = try parse("cdf-channel.xml")
        #expect(feed.format == "cdf")
        #expect(feed.title == "Lab")
        #expect(feed.link == "https://lab.example.org/")
        let entry = try #require(feed.entries.first)
        #expect(entry.title == "Eintrag")
        #expect(entry.link == "https://lab.example.org/1")
        #expect(entry.updated.map(FeedDate.rfc3339) == "2004-04-07T04:05:43Z")
        #expect(entry.summary == "Kurz gesagt")
    }

    @Test func httpCharsetOverridesTheDeclarationAndFallsBackWhenWrong() throws {
        let latin1 =
            Data("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>".utf8)
            + Data([0x47, 0x72, 0xFC, 0xDF, 0x65]) + Data("</title></channel></rss>".utf8)
        let hinted = try XMLFeedParser.parse(latin1, baseURL: nil, contentType: "text/xml; charset=iso-8859-1").get()
        #expect(hinted.title == "Grüße")
        let utf8 = Data("<rss version=\"2.0\"><channel><title>Grüße</title></channel></rss>".utf8)
        let wrong = try XMLFeedParser.parse(utf8, baseURL: nil, contentType: "application/rss+xml; charset=bogus-42")
            .get()
        #expect(wrong.title == "Grüße")
    }
}
