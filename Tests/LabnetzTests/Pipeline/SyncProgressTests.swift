import Foundation
import Synchronization
import Testing

@testable import Pipeline
@testable import Storage

/// The live progress line tells sources waiting for a connection from those really being fetched.
@Suite("sync progress")
struct SyncProgressTests {
    static let now = Date(timeIntervalSince1970: 1_795_262_400)  // 2026-11-21T12:00:00Z

    @Test func onlyTransfersOnTheWireCountAsFetchingTheRestAsQueued() async throws {
        let rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Lab</title><link>https://lab.example/</link>
            <item><title>Eins</title><guid isPermaLink="false">eins</guid><link>https://lab.example/1</link>
            <pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate><description>Text</description></item>
            </channel></rss>
            """
        let received = Mutex(0)
        let server = try LoopbackHTTPServer { _ in
            received.withLock { $0 += 1 }
            var response = LoopbackHTTPServer.Response.text(rss, contentType: "application/rss+xml")
            response.delayBeforeBody = .milliseconds(300)
            return response
        }
        defer { server.stop() }
        let names = ["a", "b", "c", "d"]
        let config = try TestHub.config(
            in: try RepositoryFiles.temporaryFolder(),
            sources: names.map { ("lab-\($0)", "lab-\($0)-news", server.url("/\($0).rss"), "news") })
        var sync = HubSync(config: config, store: try HubStore(path: config.hub.database))
        sync.policy.maxPerHost = 1  // all four share one server: one on the wire, the others waiting
        let events = Mutex<[SyncProgress]>([])
        // How many requests the server had seen whenever a source was reported as fetching.
        let seenAtFetching = Mutex<[Int]>([])
        let report = try await sync.run(now: Self.now) { progress in
            if case .fetching = progress { seenAtFetching.withLock { $0.append(received.withLock { $0 }) } }
            events.withLock { $0.append(progress) }
        }
        #expect(report.failedSources.isEmpty)
        // A source counts as fetching only when its request goes out: the k-th one after the server
        // got exactly the k before it, however the tasks were scheduled. (Counted when the task
        // began, all four would come at once, before the server had seen most of them.)
        #expect(seenAtFetching.withLock { $0 } == [0, 1, 2, 3])

        var tally = SyncProgressTally()
        for event in events.withLock({ $0 }) {
            tally.record(event)
            // Whenever some wait while others are fetched, the line says how many wait.
            if !tally.fetching.isEmpty, !tally.queued.isEmpty {
                #expect(tally.line(total: 4).hasSuffix("; \(tally.queued.count) queued"))
            }
        }
        #expect(tally.done == 4 && tally.queued.isEmpty && tally.fetching.isEmpty && tally.reading == 0)
        // Each source: queued, on the wire, read and stored, done.
        for name in names {
            let source = "lab-\(name)-news"
            let steps = events.withLock { $0 }.compactMap { event -> String? in
                switch event {
                case .started(_, let id) where id == source: "started"
                case .fetching(_, let id) where id == source: "fetching"
                case .reading(_, let id) where id == source: "reading"
                case .finished(let result) where result.source == source: "finished"
                default: nil
                }
            }
            #expect(steps == ["started", "fetching", "reading", "finished"], "\(source)")
        }
    }

    @Test func lineNamesTheOldestFetchesAndCountsTheRest() {
        var tally = SyncProgressTally()
        #expect(tally.line(total: 9) == "[0/9]")
        for n in 1...6 { tally.record(.started(member: "m", source: "s\(n)")) }
        #expect(tally.line(total: 9) == "[0/9] 6 queued")
        for n in 1...5 { tally.record(.fetching(member: "m", source: "s\(n)")) }
        #expect(tally.line(total: 9) == "[0/9] fetching m/s1, m/s2, m/s3 +2; 1 queued")
        let result = SourceSyncResult(
            member: "m", source: "s1", url: "http://x.example/", state: .unchanged, message: "", itemCount: 0,
            warnings: [])
        tally.record(.finished(result))
        #expect(tally.line(total: 9) == "[1/9] fetching m/s2, m/s3, m/s4 +1; 1 queued")
        // Too narrow for every name: names go first, the counts stay.
        #expect(tally.line(total: 9, width: 40) == "[1/9] fetching m/s2, m/s3 +2; 1 queued")
        #expect(tally.line(total: 9, width: 30) == "[1/9] fetching 4; 1 queued")
        #expect(tally.line(total: 9, width: 12) == "[1/9] fetchi")
        // Fetched, now being read and stored: no longer "fetching", not yet done.
        tally.record(.reading(member: "m", source: "s2"))
        #expect(tally.line(total: 9) == "[1/9] fetching m/s3, m/s4, m/s5; 1 reading; 1 queued")
        tally.record(.fetching(member: "m", source: "s6"))
        #expect(tally.line(total: 9) == "[1/9] fetching m/s3, m/s4, m/s5 +1; 1 reading")
    }
}
