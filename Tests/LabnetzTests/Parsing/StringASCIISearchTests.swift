import Foundation
import Testing

@testable import Parsing

/// `containsASCII` and `replacingASCII` stand in for Foundation's search in the per-element path:
/// they must answer as Foundation does on any text.
@Suite struct StringASCIISearchTests {
    /// Pieces that make near misses (`&#3`, `htm`) and put combining marks and wide letters next to a match.
    static let pieces = [
        "&", "#", "3", "8", ";", "&#38;", "&#", "38;", "html", "htm", "l", "/", "xml", "x", " ", "\t",
        "\u{E9}", "e\u{301}", "\u{301}", "\u{6F22}", "\u{1F600}",
    ]

    static func randomTexts(count: Int) -> [String] {
        var random = SplitMix64(seed: 38)
        return (0..<count).map { _ in
            (0..<random.below(9)).map { _ in pieces[random.below(pieces.count)] }.joined()
        }
    }

    @Test func containsAnswersAsFoundation() {
        var asciiMatches = 0
        for text in Self.randomTexts(count: 5_000) {
            for needle in ["&#38;", "html", "/"] {
                let foundation = text.contains(needle)
                #expect(text.containsASCII(needle) == foundation, "\(text.debugDescription) \(needle)")
                if foundation, text.utf8.allSatisfy({ $0 < 0x80 }) { asciiMatches += 1 }
            }
        }
        // The byte path itself was asked, and found things.
        #expect(asciiMatches > 250)
    }

    @Test func replacingAnswersAsFoundation() {
        for text in Self.randomTexts(count: 5_000) {
            let foundation = text.replacingOccurrences(of: "&#38;", with: "&")
            #expect(text.replacingASCII("&#38;", with: "&") == foundation, "\(text.debugDescription)")
        }
        #expect("a&#38;&#38;b&#38;".replacingASCII("&#38;", with: "&") == "a&&b&")
    }

    /// libxml2 hands a decoded `&` in an attribute value over as `&#38;`: both paths turn it back.
    @Test func attributeValuesGetTheirAmpersandsBack() throws {
        let data = Data(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <link rel="alternate" href="https://a.example/?a=1&amp;b=2"/>
            <entry><title>E</title><link href="https://a.example/e" title="Stra\u{DF}e &amp; Platz"/></entry></feed>
            """.utf8)
        let feed = try XMLFeedParser.parse(data, baseURL: nil, contentType: nil).get()
        #expect(feed.link == "https://a.example/?a=1&b=2")
        #expect(feed.entries.first?.links.first?.title == "Stra\u{DF}e & Platz")
    }
}
