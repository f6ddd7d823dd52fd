import Foundation
import Testing

@testable import Parsing

/// Hostile XML is refused quickly, with a warning that says what was refused, and without
/// reading files, touching the network or growing memory with the input.
@Suite("XML feed security")
struct XMLFeedSecurityTests {
    static func parse(_ text: String) -> Result<RawFeed, ParseFailure> {
        XMLFeedParser.parse(Data(text.utf8), baseURL: nil, contentType: nil)
    }

    @Test func billionLaughsIsRefusedWithAWarning() throws {
        let clock = ContinuousClock()
        var outcome: Result<RawFeed, ParseFailure>?
        let elapsed = try clock.measure {
            outcome = XMLFeedParser.parse(try FeedFixture.data("billion-laughs.xml"), baseURL: nil, contentType: nil)
        }
        #expect(elapsed < .seconds(2))
        let feed = try #require(try outcome?.get())
        #expect(feed.bozo)
        #expect(feed.entries.map(\.link) == ["https://lab.example.org/1"])
        #expect(feed.entries.first?.title == "")
        #expect(feed.warnings.contains { $0.message.contains("&lol9;") && $0.message.contains("not expanded") })
    }

    @Test func externalFileEntityIsNotReadAndSaysSo() throws {
        let feed = try XMLFeedParser.parse(try FeedFixture.data("xxe-hostname.xml"), baseURL: nil, contentType: nil)
            .get()
        #expect(feed.entries.first?.title == "before--after")
        #expect(feed.warnings.contains { $0.message.contains("&xxe;") && $0.message.contains("not expanded") })
    }

    /// An external DTD and an external parameter entity on a live loopback server: neither is fetched.
    @Test func networkDTDIsNeverFetched() throws {
        let server = try LoopbackHTTPServer(handler: { _ in .text("<!ENTITY secret \"leaked\">") })
        defer { server.stop() }
        let documents = [
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "\(server.baseURL)/rss.dtd">
            <rss version="2.0"><channel><title>DTD</title><item><title>a&secret;b</title></item></channel></rss>
            """,
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY % remote SYSTEM "\(server.baseURL)/param.dtd"> %remote; ]>
            <rss version="2.0"><channel><title>DTD</title><item><title>a&secret;b</title></item></channel></rss>
            """,
        ]
        let clock = ContinuousClock()
        for text in documents {
            var outcome: Result<RawFeed, ParseFailure>?
            let elapsed = clock.measure { outcome = Self.parse(text) }
            #expect(elapsed < .seconds(2))
            let feed = try #require(try outcome?.get())
            #expect(feed.entries.first?.title == "ab")
            #expect(feed.warnings.contains { $0.message.contains("&secret;") })
        }
        #expect(server.requests.isEmpty)
        let first = try Self.parse(documents[0]).get()
        #expect(first.warnings.contains { $0.message.contains("/rss.dtd") && $0.message.contains("not fetched") })
    }

    /// A 2 GB feed made on the fly (never stored): reading stops at the cap with a warning, the
    /// entries before the cap are kept, and only entries (not the document) pass through memory.
    @Test func twoGigabyteStreamStopsAtTheCap() throws {
        let total = 2 << 30
        let head = Array(#"<?xml version="1.0"?><rss version="2.0"><channel><title>Endlos</title>"#.utf8)
        let item = Array(
            "<item><title>Eintrag</title><description>\(String(repeating: "x", count: 900))</description></item>\n".utf8
        )
        let source = XMLByteSource.generated {
            var produced = 0
            return { buffer in
                var written = 0
                while written < buffer.count, produced < total {
                    let chunk = produced < head.count ? head : item
                    let offset = produced < head.count ? produced : (produced - head.count) % item.count
                    let n = min(buffer.count - written, chunk.count - offset, total - produced)
                    chunk.withUnsafeBytes { src in
                        buffer.baseAddress!.advanced(by: written).copyMemory(
                            from: src.baseAddress!.advanced(by: offset), byteCount: n)
                    }
                    written += n
                    produced += n
                }
                return written
            }
        }
        let cap = 4 << 20
        var entries = 0
        let clock = ContinuousClock()
        var outcome: Result<RawFeed, ParseFailure>?
        let elapsed = clock.measure {
            outcome = XMLFeedParser.stream(source, baseURL: nil, contentType: nil, maxBytes: cap) { _ in entries += 1 }
        }
        #expect(elapsed < .seconds(20))
        let feed = try #require(try outcome?.get())
        #expect(feed.bozo)
        #expect(feed.entries.isEmpty)
        #expect(entries > cap / item.count - 10 && entries <= cap / item.count)
        #expect(feed.warnings.contains { $0.message.contains("larger than 4 MiB") })
    }
}
