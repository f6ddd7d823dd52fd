import FeedModel
import Foundation
import Testing

@testable import Merging
@testable import Parsing
@testable import Publishing

/// Whatever text a source feed carries, the Atom and RSS the hub publishes from it are
/// well-formed and read back to the same items.
@Suite("feed republish property")
struct FeedRepublishPropertyTests {
    static let pieces = [
        "Hallo", "Grüße", " ", "&", "&amp;", "&nbsp;", "&#0;", "&#xD800;", "<", ">", "<b>fett</b>", "\"", "'", "]]>",
        "<![CDATA[", "<script>alert(1)</script>", "\u{1}", "\u{B}", "\u{0}", "\u{7F}", "\u{85}", "\u{FFFE}", "\u{FFFF}",
        "😀", "\u{2028}", "\t", "\n", "\r", "€", "</title>", "<?xml?>", "--", "<!--x-->",
    ]

    static func text(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    @Test func publishedFeedsReparse() throws {
        let config = try TestHub.config(
            in: try RepositoryFiles.temporaryFolder(),
            sources: [(member: "soest", id: "news", url: "n.rss", role: "news")])
        var rng = SplitMix64(seed: 2025)
        var checked = 0
        for round in 0..<300 {
            // Sometimes escaped, sometimes raw: raw text may make the source ill-formed, which is fine.
            var items = ""
            for i in 0..<3 {
                let title = round % 3 == 0 ? Self.text(&rng) : Self.escaped(Self.text(&rng))
                let body = Self.text(&rng)
                items +=
                    "<item><title>\(title)</title><link>https://x.example/\(round)/\(i)</link>"
                    + "<description><![CDATA[\(body)]]></description></item>"
            }
            let source = "<rss version=\"2.0\"><channel><title>t</title>\(items)</channel></rss>"
            guard
                let parsed = try? DocumentParser.parse(
                    Data(source.utf8), baseURL: nil, contentType: nil, hubZone: .gmt
                ).get(), !parsed.articles.isEmpty
            else { continue }
            let merged = parsed.articles.map {
                MergedArticle(
                    article: $0, sources: [SourceItemRef(member: "soest", source: "news", uid: $0.id)],
                    firstSeen: Date(timeIntervalSince1970: 1_750_000_000))
            }
            let input = PublishInput(
                config: config, events: [], articles: merged, sources: [],
                now: Date(timeIntervalSince1970: 1_750_000_000))
            for (name, xml) in [("atom", AtomPublisher.render(input)), ("rss", RSSPublisher.render(input))] {
                let again = XMLFeedParser.parse(Data(xml.utf8), baseURL: nil, contentType: nil)
                guard case .success(let feed) = again else {
                    Issue.record("\(name) does not re-parse: \(again), source: \(source.debugDescription)")
                    continue
                }
                #expect(!feed.bozo, "\(name): \(feed.warnings), source: \(source.debugDescription)")
                #expect(feed.entries.map(\.link) == parsed.articles.map(\.link), "\(name)")
                if name == "atom" {
                    // Atom titles are type="text": they must come back exactly.
                    #expect(
                        feed.entries.map(\.title) == parsed.articles.map(\.title), "source: \(source.debugDescription)")
                }
            }
            checked += 1
        }
        #expect(checked > 100)
    }
}
