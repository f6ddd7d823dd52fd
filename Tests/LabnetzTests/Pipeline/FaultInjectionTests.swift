import Federation
import Foundation
import Testing

@testable import Pipeline
@testable import Storage

/// Every fault of the fault server against a real sync: a healthy and a faulty source, one good
/// sync, then the fault. The sync must finish, publish the healthy source, keep the faulty
/// source's last good events, name the cause in status.json and status.html, and never let
/// the contents of a local file into any output.
@Suite("sync under faults")
struct FaultInjectionTests {
    static let now = Date(timeIntervalSince1970: 1_795_262_400)  // 2026-11-21T12:00:00Z
    static let later = now.addingTimeInterval(3600)

    /// One fault scenario: what the faulty path does on the second sync, and what must be reported.
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var fault: @Sendable (FaultServer, _ secretURL: String) throws -> FaultServer.Fault
        var state: SourceState
        /// Words that status.json must show for the faulty source.
        var cause: String
        /// The German words status.html must show for it.
        var page: String
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        .init(
            name: "timeout", fault: { _, _ in .timeout }, state: .failed,
            cause: "The server accepted the connection but sent no response within",
            page: "Der Server hat die Verbindung angenommen, aber innerhalb von"),
        .init(
            name: "slow drip", fault: { _, _ in .slowDrip }, state: .failed, cause: "byte/s",
            page: "Der Server sendet zu langsam (weniger als 1000 Byte/s über 1 s)."),
        .init(
            name: "500", fault: { _, _ in .status(500, headers: []) }, state: .failed, cause: "HTTP 500",
            page: "Der Server meldet einen Fehler (HTTP 500)."),
        .init(
            name: "503 + Retry-After", fault: { _, _ in .status(503, headers: [("Retry-After", "7200")]) },
            state: .failed, cause: "HTTP 503 Service Unavailable",
            page: "Der Server ist vorübergehend nicht verfügbar (HTTP 503)."),
        .init(
            name: "429 + Retry-After date",
            fault: { _, _ in .status(429, headers: [("Retry-After", "Sat, 21 Nov 2026 16:00:00 GMT")]) },
            state: .failed, cause: "HTTP 429 Too Many Requests", page: "Der Server meldet zu viele Anfragen (HTTP 429)"),
        .init(
            name: "404", fault: { _, _ in .status(404, headers: []) }, state: .broken, cause: "HTTP 404 Not Found",
            page: "Die Adresse gibt es nicht mehr (HTTP 404)."),
        .init(
            name: "410", fault: { _, _ in .status(410, headers: []) }, state: .broken, cause: "HTTP 410 Gone",
            page: "Die Adresse gibt es nicht mehr (HTTP 410)."),
        .init(
            name: "301 loop",
            fault: { server, _ in
                server.set(.redirectLoop(to: "/faulty.ics"), at: "/faulty-loop")
                return .redirectLoop(to: "/faulty-loop")
            }, state: .failed, cause: "Gave up after 5 redirects", page: "Nach 5 Weiterleitungen aufgegeben"),
        .init(
            name: "redirect to file://", fault: { _, secret in .redirect(302, to: secret) }, state: .failed,
            cause: "Only http and https URLs are allowed", page: "Nur http- und https-Adressen sind erlaubt"),
        .init(
            name: "truncated body", fault: { _, _ in .truncated }, state: .failed, cause: "broke off",
            page: "Die Verbindung brach ab, bevor die Antwort vollständig war."),
        .init(
            name: "invalid XML",
            fault: { _, _ in
                .body(
                    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Kaputt</ti",
                    contentType: "application/rss+xml")
            },
            // The lenient parser reads what it can: a channel without items, which is held.
            state: .held, cause: "suddenly has no items (it had 10)",
            page:
                "Zurückgehalten: Die Quelle hat plötzlich keine Einträge mehr (vorher 10). Die letzten 10 guten Einträge bleiben veröffentlicht."
        ),
        .init(
            name: "not a feed at all",
            fault: { _, _ in .body("<html><body>Wartungsarbeiten", contentType: "text/html") },
            state: .failed, cause: "cannot parse", page: "Der Inhalt ist kein lesbarer Feed und kein Kalender"),
        .init(
            name: "wrong declared charset",
            fault: { _, _ in
                let text = FaultFeeds.calendar(Array(1...10), title: "Gutes Ereignis").replacingOccurrences(
                    of: "SUMMARY:Gutes Ereignis 1\r\n", with: "SUMMARY:Gutes Ereignis 1 im Café\r\n")
                return .bytes(Array(text.data(using: .isoLatin1)!), contentType: "text/calendar; charset=utf-8")
            }, state: .ok, cause: "UTF-8", page: "UTF-8"),
        .init(
            name: "gzip bomb",
            fault: { _, _ in .gzipBomb(try FaultServer.gzip([UInt8](repeating: 0, count: 16 << 20))) },
            state: .failed, cause: "larger than the limit of 1 MiB",
            page: "Die Antwort ist größer als die Grenze von 1 MiB."),
        .init(
            name: "1 GB body", fault: { _, _ in .hugeBody(1 << 30) }, state: .failed,
            cause: "larger than the limit of 1 MiB", page: "Die Antwort ist größer als die Grenze von 1 MiB."),
        .init(
            name: "empty feed after a full one",
            fault: { _, _ in .body(FaultFeeds.calendar([], title: "Leer"), contentType: "text/calendar") },
            state: .held, cause: "suddenly has no items (it had 10)",
            page:
                "Zurückgehalten: Die Quelle hat plötzlich keine Einträge mehr (vorher 10). Die letzten 10 guten Einträge bleiben veröffentlicht."
        ),
        .init(
            name: "60 % of future events dropped",
            fault: { _, _ in
                .body(FaultFeeds.calendar([1, 2, 3, 4], title: "Gutes Ereignis"), contentType: "text/calendar")
            }, state: .held, cause: "6 of 10 upcoming events (60 %) disappeared",
            page: "6 von 10 kommenden Terminen (60 %) sind auf einmal verschwunden."),
    ]

    /// The policy every fault test runs with: small limits so the suite stays fast.
    static var policy: SyncPolicy {
        var policy = SyncPolicy()
        policy.connectTimeout = .seconds(1)
        policy.totalTimeout = .milliseconds(2500)
        policy.lowSpeedLimit = 1000
        policy.lowSpeedTime = .seconds(1)
        policy.maxBytes = 1 << 20
        policy.jitter = { 0 }
        return policy
    }

    /// A healthy and a faulty source on one fault server, both synced once while good.
    struct Fixture {
        let server: FaultServer
        let config: FederationConfig
        let store: HubStore
        let sync: HubSync
        let secretURL: String
        let secret: String

        init() async throws {
            server = try FaultServer()
            server.files.set(
                "/healthy.ics", contentType: "text/calendar",
                text: FaultFeeds.calendar([5, 6, 7], title: "Gesundes Treffen"))
            server.files.set(
                "/faulty.ics", contentType: "text/calendar",
                text: FaultFeeds.calendar(Array(1...10), title: "Gutes Ereignis"))
            let folder = try RepositoryFiles.temporaryFolder()
            secret = "GEHEIM-\(UUID().uuidString)"
            let secretFile = folder.appendingPathComponent("secret.txt")
            try Data(secret.utf8).write(to: secretFile)
            secretURL = "file://" + secretFile.path
            config = try TestHub.config(
                in: folder,
                sources: [
                    ("alpha", "alpha-events", server.url("/healthy.ics"), "events"),
                    ("beta", "beta-events", server.url("/faulty.ics"), "events"),
                ])
            store = try HubStore(path: config.hub.database)
            var sync = HubSync(config: config, store: store)
            sync.policy = FaultInjectionTests.policy
            self.sync = sync
            let first = try await sync.run(now: FaultInjectionTests.now)
            #expect(first.results.map(\.state) == [.ok, .ok], "\(first.results.map(\.message))")
        }

        func published(_ name: String) throws -> String {
            try String(
                contentsOfFile: (config.hub.publishDir as NSString).appendingPathComponent(name), encoding: .utf8)
        }

        func statusEntry() throws -> [String: Any] {
            let status =
                try JSONSerialization.jsonObject(with: Data(try published("status.json").utf8)) as? [String: Any]
            let sources = try #require(status?["sources"] as? [[String: Any]])
            return try #require(sources.first { $0["source"] as? String == "beta-events" })
        }

        /// Nothing published contains the secret file's contents.
        func expectNoLeak() throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: config.hub.publishDir) {
                let text = try published(name)
                #expect(!text.contains(secret), "\(name) leaks a local file")
            }
        }
    }

    @Test(arguments: scenarios)
    func aFaultNeverLosesGoodEvents(_ scenario: Scenario) async throws {
        let hub = try await Fixture()
        defer { hub.server.stop() }
        hub.server.set(try scenario.fault(hub.server, hub.secretURL), at: "/faulty.ics")
        let clock = ContinuousClock()
        let start = clock.now

        let report = try await hub.sync.run(now: Self.later)

        #expect(start.duration(to: clock.now) < .seconds(8), "the sync is bounded by the per-source limits")
        let faulty = try #require(report.results.first { $0.source == "beta-events" })
        #expect(faulty.state == scenario.state, "\(faulty.message)")
        #expect(report.results.first { $0.source == "alpha-events" }?.state == .unchanged)
        let ics = try hub.published("regional.ics")
        #expect(ics.contains("SUMMARY:Gesundes Treffen 7"), "the healthy source is published")
        for n in [1, 5, 10] {
            #expect(ics.contains("SUMMARY:Gutes Ereignis \(n)"), "last good event \(n) is kept")
        }
        let entry = try hub.statusEntry()
        let words = [entry["lastError"], entry["holdReason"], entry["warnings"]].map { "\($0 ?? "")" }.joined()
        #expect(words.contains(scenario.cause), "status.json: \(entry)")
        #expect(entry["state"] as? String == scenario.state.rawValue)
        let page = try hub.published("status.html")
        #expect(page.contains(scenario.page), "status.html names the cause in German")
        try hub.expectNoLeak()
    }

    @Test func retryAfterDecidesWhenTheSourceIsDueAgain() async throws {
        let hub = try await Fixture()
        defer { hub.server.stop() }
        hub.server.set(.status(503, headers: [("Retry-After", "7200")]), at: "/faulty.ics")
        let report = try await hub.sync.run(now: Self.later)
        #expect(report.results.first { $0.source == "beta-events" }?.nextDue == Self.later + 7200)

        hub.server.set(.status(429, headers: [("Retry-After", "Sat, 21 Nov 2026 18:00:00 GMT")]), at: "/faulty.ics")
        let hits = hub.server.hits("/faulty.ics")
        let waiting = try await hub.sync.run(now: Self.later + 3600)
        let skipped = try #require(waiting.results.first { $0.source == "beta-events" })
        #expect(skipped.skipped && skipped.state == .failed, "not due yet: not fetched")
        #expect(hub.server.hits("/faulty.ics") == hits)
        _ = try await hub.sync.run(now: Self.later + 3600, force: true)
        #expect(hub.server.hits("/faulty.ics") == hits + 1, "--force ignores the schedule")
        #expect(try hub.store.source(id: "beta-events")?.nextDue == Date(timeIntervalSince1970: 1_795_284_000))
    }

    @Test func backoffGrowsWithJitterAndNeverStops() async throws {
        let hub = try await Fixture()
        defer { hub.server.stop() }
        hub.server.set(.status(500, headers: []), at: "/faulty.ics")
        var sync = hub.sync
        var delays: [TimeInterval] = []
        var time = Self.later
        for _ in 0..<12 {
            let report = try await sync.run(now: time, force: false)
            let result = try #require(report.results.first { $0.source == "beta-events" })
            let due = try #require(result.nextDue)
            delays.append(due.timeIntervalSince(time))
            time = due
        }
        // jitter 0 → half of each step: 7.5 min, 15, 30, 60, 120, 180 (= half of the 6 h cap) …
        #expect(delays.prefix(6) == [450, 900, 1800, 3600, 7200, 10800])
        #expect(delays.dropFirst(5).allSatisfy { $0 == 10800 }, "capped, and still retried")
        sync.policy.jitter = { 0.999 }
        let jittered = try await sync.run(now: time)
        let delay = try #require(jittered.results.first { $0.source == "beta-events" }?.nextDue).timeIntervalSince(time)
        #expect(delay > 21_000 && delay <= 21_600)
        #expect(try hub.store.source(id: "beta-events")?.failureCount == 13)
    }

    @Test func heldContentIsTakenOnlyWhenAcceptedAndLeavesTombstones() async throws {
        let hub = try await Fixture()
        defer { hub.server.stop() }
        let firstSeen = try hub.store.events(sourceIDs: ["beta-events"]).first {
            $0.payload.uid.hasSuffix("-9@test.example")
        }?.firstSeen
        hub.server.files.set(
            "/faulty.ics", contentType: "text/calendar",
            text: FaultFeeds.calendar([1, 2, 3, 4], title: "Gutes Ereignis"))
        let held = try await hub.sync.run(now: Self.later)
        #expect(held.heldSources.map(\.source) == ["beta-events"])
        #expect(try hub.store.events(sourceIDs: ["beta-events"]).count == 10)
        let again = try await hub.sync.run(now: Self.later + 900)
        #expect(again.heldSources.count == 1, "held content is judged again on every sync, not silently taken")

        let accepted = try await hub.sync.run(now: Self.later + 1800, accept: ["beta-events"])
        #expect(accepted.results.first { $0.source == "beta-events" }?.state == .ok)
        #expect(try hub.store.events(sourceIDs: ["beta-events"]).count == 4)
        // An event that really left its source is announced as cancelled (until its start), never silently dropped.
        let gone = try hub.published("regional.ics").components(separatedBy: "BEGIN:VEVENT")
            .first { $0.contains("SUMMARY:Gutes Ereignis 9\r\n") }
        #expect(gone?.contains("STATUS:CANCELLED") == true)

        // The source flaps back: the returning event is not new, it keeps its first sighting.
        hub.server.files.set(
            "/faulty.ics", contentType: "text/calendar",
            text: FaultFeeds.calendar(Array(1...10), title: "Gutes Ereignis"))
        _ = try await hub.sync.run(now: Self.later + 2700)
        let back = try hub.store.events(sourceIDs: ["beta-events"]).first {
            $0.payload.uid.hasSuffix("-9@test.example")
        }
        #expect(back?.firstSeen == firstSeen)
    }

    @Test func aSourceThatAlternatesGoodAndBadKeepsItsEventsThroughout() async throws {
        let hub = try await Fixture()
        defer { hub.server.stop() }
        hub.server.set(.alternating, at: "/faulty.ics")
        var states: [SourceState] = []
        for round in 0..<4 {
            let report = try await hub.sync.run(now: Self.later + Double(round) * 900, force: true)
            states.append(try #require(report.results.first { $0.source == "beta-events" }).state)
            #expect(try hub.published("regional.ics").contains("SUMMARY:Gutes Ereignis 10"))
        }
        // The fixture's good sync was request 1, so the even requests of the rounds are good.
        #expect(states == [.ok, .failed, .ok, .failed])
        #expect(try hub.store.source(id: "beta-events")?.failureCount == 1)
        #expect(try hub.store.events(sourceIDs: ["beta-events"]).count == 10)
    }

    @Test func aPermanentRedirectIsRecordedAndReported() async throws {
        let hub = try await Fixture()
        defer { hub.server.stop() }
        hub.server.files.set(
            "/moved.ics", contentType: "text/calendar",
            text: FaultFeeds.calendar(Array(1...10), title: "Gutes Ereignis"))
        hub.server.set(.redirect(308, to: "/moved.ics"), at: "/faulty.ics")
        let report = try await hub.sync.run(now: Self.later)
        #expect(report.results.first { $0.source == "beta-events" }?.movedTo == hub.server.url("/moved.ics"))
        #expect(try hub.statusEntry()["movedTo"] as? String == hub.server.url("/moved.ics"))
        #expect(try hub.published("status.html").contains("Dauerhaft umgezogen nach \(hub.server.url("/moved.ics"))"))
    }

    @Test func aServerStampThatChangesEveryRequestIsNotReprocessed() async throws {
        let hub = try await Fixture()
        defer { hub.server.stop() }
        hub.server.files.set(
            "/faulty.ics", contentType: "text/calendar",
            text: FaultFeeds.calendar(Array(1...10), title: "Gutes Ereignis", stamp: "20261121T130000Z"))
        let report = try await hub.sync.run(now: Self.later)
        let faulty = try #require(report.results.first { $0.source == "beta-events" })
        #expect(faulty.httpStatus == 200)
        #expect(faulty.state == .unchanged, "\(faulty.message)")
    }
}
