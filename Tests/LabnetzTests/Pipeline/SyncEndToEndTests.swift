import FeedModel
import Federation
import Foundation
import Parsing
import Testing

@testable import Pipeline
@testable import Storage

/// The whole path over a real loopback HTTP server: the shipped sample feeds are served with
/// ETags, synced into a real SQLite file, merged and published, then synced again.
@Suite("sync end to end", .serialized)
struct SyncEndToEndTests {
    static let now = Date(timeIntervalSince1970: 1_795_262_400)  // 2026-11-21T12:00:00Z
    static let contentTypes = [
        "ics": "text/calendar; charset=utf-8", "rss": "application/rss+xml", "atom": "application/atom+xml",
        "json": "application/feed+json",
    ]

    /// The shipped federation.json with every source served by `server` instead of read from disk.
    static func hub(serving files: LoopbackFileStore, at server: LoopbackHTTPServer) throws -> FederationConfig {
        let shipped = try FederationLoader.load(
            path: RepositoryFiles.root.appendingPathComponent("federation.json").path)
        var sources: [(member: String, id: String, url: String, role: String)] = []
        for (member, source) in shipped.sources {
            let path = "/" + source.url
            let type = contentTypes[(source.url as NSString).pathExtension] ?? "application/octet-stream"
            files.set(path, contentType: type, body: Array(try RepositoryFiles.data(source.url)))
            sources.append((member.id, source.id, server.url(path), source.role.rawValue))
        }
        return try TestHub.config(in: try RepositoryFiles.temporaryFolder(), sources: sources)
    }

    /// The shipped feeds on a loopback server, a hub config pointing at them, and a fresh store.
    struct ServedHub {
        let files = LoopbackFileStore()
        let server: LoopbackHTTPServer
        let config: FederationConfig
        let store: HubStore
        let sync: HubSync

        init() throws {
            let files = self.files
            server = try LoopbackHTTPServer(handler: { files.respond(to: $0) })
            config = try SyncEndToEndTests.hub(serving: files, at: server)
            store = try HubStore(path: config.hub.database)
            sync = HubSync(config: config, store: store)
        }
    }

    static func published(_ config: FederationConfig, _ name: String) throws -> String {
        try String(contentsOfFile: (config.hub.publishDir as NSString).appendingPathComponent(name), encoding: .utf8)
    }

    @Test func syncMergesPublishesAndResyncsWithConditionalRequests() async throws {
        let hub = try ServedHub()
        defer { hub.server.stop() }
        let (server, config, sync) = (hub.server, hub.config, hub.sync)

        let first = try await sync.run(now: Self.now)
        #expect(first.failedSources.map(\.source) == [], "\(first.results.map { "\($0.source): \($0.message)" })")
        #expect(first.results.allSatisfy { $0.state == .ok })
        #expect(
            first.publishedFiles.map { ($0 as NSString).lastPathComponent }.sorted() == [
                "index.html", "news.atom", "news.json", "news.rss", "regional.ics", "regional.json", "sources.opml",
                "status.html", "status.json",
            ])

        let ics = try Self.published(config, "regional.ics")
        #expect(
            ics.components(separatedBy: "SUMMARY:").filter { $0.lowercased().hasPrefix("netzwerktreffen") }.count == 1)
        let feed =
            try JSONSerialization.jsonObject(with: Data(try Self.published(config, "regional.json").utf8))
            as? [String: Any]
        let items = try #require(feed?["items"] as? [[String: Any]])
        let meeting = items.filter { ($0["title"] as? String)?.lowercased().hasPrefix("netzwerktreffen") == true }
        #expect(meeting.count == 1)
        let labnetz = try #require(meeting.first?["_labnetz"] as? [String: Any])
        let members = Set((labnetz["sources"] as? [[String: String]] ?? []).compactMap { $0["member"] })
        #expect(members == ["soest", "arnsberg", "iserlohn", "menden"])
        #expect(labnetz["start"] as? String == "2026-12-09T18:00:00+01:00")
        let news =
            try JSONSerialization.jsonObject(with: Data(try Self.published(config, "news.json").utf8)) as? [String: Any]
        let reposted = (news?["items"] as? [[String: Any]] ?? []).filter {
            ($0["url"] as? String)?.contains("open-data-portal-erste-soester-datensaetze-online") == true
        }
        #expect(reposted.count == 1, "a re-post of the same link is one news item")
        let carriers = ((reposted.first?["_labnetz"] as? [String: Any])?["sources"] as? [[String: String]] ?? [])
        #expect(Set(carriers.compactMap { $0["member"] }) == ["soest", "ankerorte"])

        var snapshot: [String: String] = [:]
        for name in [
            "regional.ics", "regional.json", "news.atom", "news.rss", "news.json", "sources.opml", "index.html",
        ] {
            snapshot[name] = try Self.published(config, name)
        }
        let requestsBefore = server.requests.count
        let second = try await sync.run(now: Self.now.addingTimeInterval(900))
        #expect(second.results.allSatisfy { $0.state == .unchanged && $0.httpStatus == 304 })
        let conditional = server.requests.dropFirst(requestsBefore)
        #expect(conditional.count == config.sources.count)
        #expect(conditional.allSatisfy { $0.headers["if-none-match"] != nil })
        for (name, text) in snapshot {
            #expect(try Self.published(config, name) == text, "\(name) changed on an unchanged re-sync")
        }
    }

    @Test func aFailingSourceKeepsItsLastGoodEventsAndSaysWhy() async throws {
        let hub = try ServedHub()
        defer { hub.server.stop() }
        let (files, config, sync) = (hub.files, hub.config, hub.sync)
        _ = try await sync.run(now: Self.now)
        let repairCafe = "Repair-Café im stadtLABOR"
        #expect(try Self.published(config, "regional.ics").contains(repairCafe))

        files.remove("/feeds/soest/veranstaltungen.ics")
        files.set(
            "/feeds/iserlohn/blog.atom", contentType: "application/atom+xml", text: "<html><body>Wartungsarbeiten")
        let report = try await sync.run(now: Self.now.addingTimeInterval(900))
        #expect(report.failedSources.map(\.source).sorted() == ["iserlohn-news", "soest-events"])
        let soest = try #require(report.results.first { $0.source == "soest-events" })
        #expect(soest.httpStatus == 404)
        #expect(soest.message.contains("404"))
        #expect(try Self.published(config, "regional.ics").contains(repairCafe))
        let status = try Self.published(config, "status.json")
        #expect(status.contains("\"state\" : \"failed\""))
        #expect(status.contains("404"))
        let iserlohn = try #require(report.results.first { $0.source == "iserlohn-news" })
        #expect(iserlohn.message.contains("cannot parse"))
        #expect(try Self.published(config, "news.atom").contains("Waldcamp"))
    }

    @Test func itemsReadByAnOlderParserAreReadAgain() async throws {
        let hub = try ServedHub()
        defer { hub.server.stop() }
        let (server, store, sync) = (hub.server, hub.store, hub.sync)
        _ = try await sync.run(now: Self.now)
        try await store.pool.write { try $0.execute(sql: "UPDATE source SET parser_version = 0") }
        let before = server.requests.count
        let report = try await sync.run(now: Self.now.addingTimeInterval(900))
        #expect(report.results.allSatisfy { $0.state == .ok && $0.httpStatus == 200 })
        #expect(server.requests.dropFirst(before).allSatisfy { $0.headers["if-none-match"] == nil })
        #expect(try store.sources().allSatisfy { $0.parserVersion == DocumentParser.version })
    }

    @Test func aSecondSyncCannotTakeTheLock() throws {
        let folder = try RepositoryFiles.temporaryFolder()
        let path = folder.appendingPathComponent("data/hub.sqlite.lock").path
        let first = try #require(try SyncLock.acquire(path: path))
        #expect(try SyncLock.acquire(path: path) == nil)
        #expect(first.takenOverFrom == nil)
        withExtendedLifetime(first) {}
    }

    @Test func aLockLeftByAKilledRunIsTakenOver() throws {
        let folder = try RepositoryFiles.temporaryFolder()
        let path = folder.appendingPathComponent("data/hub.sqlite.lock").path
        do {
            let clean = try #require(try SyncLock.acquire(path: path))
            withExtendedLifetime(clean) {}
        }
        #expect(try SyncLock.acquire(path: path)?.takenOverFrom == nil, "a clean exit leaves no pid behind")
        // A killed run leaves its pid in the file; the kernel has already dropped its flock.
        try Data("4242\n".utf8).write(to: URL(fileURLWithPath: path))
        let next = try #require(try SyncLock.acquire(path: path))
        #expect(next.takenOverFrom == 4242)
    }
}
