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

    @Test func atomHabitsInRSS() throws {
        let feed = try parse("rss-atom-habits.xml")
        #expect(feed.link == "https://lab.example.org/")
        #expect(feed.id == "urn:uuid:8d5261ba-0000-4000-8000-000000000001")
        #expect(feed.updated.map(FeedDate.rfc3339) == "2026-11-20T18:00:00Z")
        let entry = try #require(feed.entries.first)
        #expect(entry.link == "https://lab.example.org/podcast/1")
        #expect(entry.id == "urn:uuid:3241ace2-0000-4000-8000-000000000002")
        #expect(entry.updated.map(FeedDate.rfc3339) == "2026-11-19T17:30:00Z")
        #expect(entry.enclosures.map(\.href) == ["https://lab.example.org/folge1.mp3"])
        #expect(entry.enclosures.first?.length == "12345")
    }

    @Test func mediaTitleIsOnlyAFallback() throws {
        let feed = try parse("rss-media-title-fallback.xml")
        #expect(feed.entries.map(\.title) == ["Repair Café", "Nur ein Bildtitel"])
    }

    @Test func anImageInsideAnAtomEntryDoesNotLeak() throws {
        let entry = try #require(try parse("atom-image-in-entry.xml").entries.first)
        #expect(entry.title == "Offene Werkstatt")
        #expect(entry.id == "urn:lab:werkstatt")
    }

    @Test func anIdWithAnUpperCaseSchemeIsTheLinkAndStaysAsWritten() throws {
        let entry = try #require(try parse("atom-id-uppercase-scheme.xml").entries.first)
        #expect(entry.id == "HTTPS://lab.example.org/Beitrag/7")
        #expect(entry.link == "HTTPS://lab.example.org/Beitrag/7")
    }

    @Test func cdfBaseResolvesItemLinks() throws {
        let feed = try parse("cdf-base.xml")
        #expect(feed.link == "https://www.example.org/")
        #expect(feed.entries.first?.link == "https://base.example.org/item/1")
    }

    @Test func aDocumentWithoutElementsIsAnEmptyBrokenFeed() throws {
        let feed = try parse("comment-only.xml")
        #expect(feed.entries.isEmpty)
        #expect(feed.bozo)
        #expect(feed.warnings.contains { $0.message.contains("no elements") })
        // Bytes that are not XML at all still fail, naming the problem.
        guard case .failure(let failure) = XMLFeedParser.parse(Data("<html><p>".utf8), baseURL: nil, contentType: nil)
        else {
            Issue.record("an HTML page must not read as a feed")
            return
        }
        #expect(failure.description.contains("not a feed"))
    }

    @Test("UTF-16 without a BOM, declared with a label libxml2 rejects", arguments: [false, true])
    func utf16WithoutBOM(littleEndian: Bool) throws {
        let text =
            "<?xml version=\"1.0\" encoding=\"u16\"?><rss version=\"2.0\"><channel>"
            + "<title>Grüße</title><item><title>Straßenfest</title></item></channel></rss>"
        var bytes: [UInt8] = []
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bytes += littleEndian ? pair.reversed() : pair
        }
        let feed = try XMLFeedParser.parse(Data(bytes), baseURL: nil, contentType: nil).get()
        #expect(feed.title == "Grüße")
        #expect(feed.entries.map(\.title) == ["Straßenfest"])
    }
}
