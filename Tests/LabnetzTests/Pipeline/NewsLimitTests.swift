import Federation
import Foundation
import Testing

@testable import Pipeline
@testable import Storage

/// The news feeds are a window on the newest articles (`$.hub.newsLimit`), not an archive.
@Suite("news limit", .serialized)
struct NewsLimitTests {
    static let now = Date(timeIntervalSince1970: 1_795_262_400)  // 2026-11-21T12:00:00Z

    /// An RSS feed whose item `i` of `numbers` was published `i` hours before `now`.
    static func rss(_ name: String, numbers: [Int], shared: Int? = nil) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let items = numbers.map { i -> String in
            let date = formatter.string(from: now.addingTimeInterval(-3600 * Double(i)))
            let text =
                "Artikel \(i) von \(name): "
                + Array(repeating: "Wort\(i) Text \(name)", count: 12).joined(separator: " ")
            return """
                <item><title>\(name) \(i)</title><guid isPermaLink="false">\(name)-\(i)</guid>
                <link>https://\(name).example/\(i)</link><pubDate>\(date)</pubDate>
                <description>\(text)</description></item>
                """
        }
        let sharedItem = shared.map { i in
            let date = formatter.string(from: now.addingTimeInterval(-3600 * Double(i)))
            return """
                <item><title>Gemeinsam</title><guid isPermaLink="false">shared-\(i)</guid>
                <link>https://shared.example/\(i)</link><pubDate>\(date)</pubDate>
                <description>Gemeinsamer Artikel</description></item>
                """
        }
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>\(name)</title><link>https://\(name).example/</link>
            \(items.joined(separator: "\n"))
            \(sharedItem ?? "")
            </channel></rss>
            """
    }

    @Test func feedsCarryOnlyTheNewestArticlesMergedAcrossSources() async throws {
        let files = LoopbackFileStore()
        let server = try LoopbackHTTPServer(handler: { files.respond(to: $0) })
        defer { server.stop() }
        // Even hours from one source, odd from the other, 40 each; both carry one shared article at hour 2.
        files.set(
            "/a.rss", contentType: "application/rss+xml",
            body: Array(Self.rss("alpha", numbers: Array(stride(from: 4, to: 84, by: 2)), shared: 2).utf8))
        files.set(
            "/b.rss", contentType: "application/rss+xml",
            body: Array(Self.rss("beta", numbers: Array(stride(from: 3, to: 83, by: 2)), shared: 2).utf8))
        let config = try TestHub.config(
            in: try RepositoryFiles.temporaryFolder(),
            sources: [
                ("alpha", "alpha-news", server.url("/a.rss"), "news"),
                ("beta", "beta-news", server.url("/b.rss"), "news"),
            ],
            hubExtras: ["newsLimit": 5])
        #expect(config.hub.newsLimit == 5)
        let store = try HubStore(path: config.hub.database)
        let report = try await HubSync(config: config, store: store).run(now: Self.now)
        #expect(report.failedSources.isEmpty)
        #expect(report.articleCount == 5)
        #expect(try store.articles(sourceIDs: ["alpha-news", "beta-news"]).count == 82, "the store keeps everything")

        let expected = ["Gemeinsam", "beta 3", "alpha 4", "beta 5", "alpha 6"]
        let folder = config.hub.publishDir as NSString
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder.appendingPathComponent("news.json"))))
            as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["title"] as? String } == expected)
        let sources = (items.first?["_labnetz"] as? [String: Any])?["sources"] as? [[String: Any]]
        #expect(sources?.count == 2, "the shared article names both sources")

        let atom = try String(contentsOfFile: folder.appendingPathComponent("news.atom"), encoding: .utf8)
        let rss = try String(contentsOfFile: folder.appendingPathComponent("news.rss"), encoding: .utf8)
        #expect(atom.components(separatedBy: "<entry>").count - 1 == 5)
        #expect(rss.components(separatedBy: "<item>").count - 1 == 5)
        for title in expected {
            #expect(
                atom.contains("<title>\(title)</title>") || atom.contains(">\(title)</title>"), "\(title) in news.atom")
            #expect(rss.contains("<title>\(title)</title>"), "\(title) in news.rss")
        }
        #expect(!rss.contains("<title>beta 7</title>"))
        #expect(!atom.contains("alpha 80"))
    }

    @Test(arguments: [
        (#"0"#, "$.hub.newsLimit: must be from 1 to 10000, found 0"),
        (#"20000"#, "$.hub.newsLimit: must be from 1 to 10000, found 20000"),
        (#""viele""#, "$.hub.newsLimit: must be an integer, found a string"),
    ])
    func rejectsABadLimitWithItsJSONPath(value: String, problem: String) throws {
        let text = """
            {"version": 1, "hub": {"id": "hub", "title": "Hub", "baseURL": "https://hub.example/",
             "timeZone": "Europe/Berlin", "publishDir": "public", "database": "hub.sqlite", "newsLimit": \(value)},
             "members": [{"id": "a", "name": "A", "sources": [{"id": "a", "url": "https://a.example/feed", "role": "news"}]}]}
            """
        let error = #expect(throws: ConfigError.self) {
            try FederationLoader.parse(Data(text.utf8), configPath: "/srv/federation.json")
        }
        #expect(try #require(error).problems.map(\.description) == [problem])
    }

    @Test func defaultsTo200() throws {
        let text = """
            {"version": 1, "hub": {"id": "hub", "title": "Hub", "baseURL": "https://hub.example/",
             "timeZone": "Europe/Berlin", "publishDir": "public", "database": "hub.sqlite"},
             "members": [{"id": "a", "name": "A", "sources": [{"id": "a", "url": "https://a.example/feed", "role": "news"}]}]}
            """
        #expect(try FederationLoader.parse(Data(text.utf8), configPath: "/srv/federation.json").hub.newsLimit == 200)
    }
}
