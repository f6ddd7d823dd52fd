import Foundation
import Testing

@testable import Fetching

/// CurlFetcher against a real HTTP server on 127.0.0.1; no other network traffic.
@Suite struct CurlFetcherTests {
    let fetcher = CurlFetcher()

    private static let feed = Array(#"<?xml version="1.0"?><rss version="2.0"><channel/></rss>"#.utf8)

    @Test func fetchesBodyWithValidators() async throws {
        let server = try LoopbackHTTPServer.serving(files: ["/feed.xml": ("application/rss+xml", Self.feed)])
        defer { server.stop() }

        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml"), userAgent: "labnetz-test/1"))

        guard case .fetched(let response) = outcome else { Issue.record("expected .fetched, got \(outcome)"); return }
        let file = try #require(server.files?["/feed.xml"])
        #expect(response.httpStatus == 200)
        #expect(response.body == Self.feed)
        #expect(response.etag == file.etag)
        #expect(response.lastModified == file.lastModified)
        #expect(response.contentType == "application/rss+xml")
        #expect(response.finalURL == server.url("/feed.xml"))
        #expect(response.redirects.isEmpty && response.permanentRedirect == nil)
        let seen = try #require(server.requests.first)
        #expect(seen.headers["user-agent"] == "labnetz-test/1")
        #expect(seen.headers["accept-encoding"]?.contains("gzip") == true)
        #expect(seen.headers["if-none-match"] == nil)
    }

    @Test func conditionalGetGivesNotModified() async throws {
        let server = try LoopbackHTTPServer.serving(files: ["/feed.xml": ("application/rss+xml", Self.feed)])
        defer { server.stop() }
        let file = try #require(server.files?["/feed.xml"])

        let outcome = await fetcher.fetch(
            FetchRequest(url: server.url("/feed.xml"), etag: file.etag, lastModified: file.lastModified))

        guard case .notModified(let response) = outcome else {
            Issue.record("expected .notModified, got \(outcome)")
            return
        }
        #expect(response.httpStatus == 304)
        #expect(response.body.isEmpty)
        #expect(response.etag == file.etag)
        let seen = try #require(server.requests.first)
        #expect(seen.headers["if-none-match"] == file.etag)
        #expect(seen.headers["if-modified-since"] == file.lastModified)
    }

    @Test func changedContentIsFetchedAgainDespiteOldValidator() async throws {
        let server = try LoopbackHTTPServer.serving(files: ["/feed.xml": ("application/rss+xml", Self.feed)])
        defer { server.stop() }
        let old = try #require(server.files?["/feed.xml"])
        server.files?.set("/feed.xml", contentType: "application/rss+xml", text: "<rss version=\"2.0\"/>")

        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml"), etag: old.etag))

        let response = try #require(outcome.response)
        #expect(response.httpStatus == 200)
        #expect(response.etag != old.etag)
        #expect(String(decoding: response.body, as: UTF8.self) == "<rss version=\"2.0\"/>")
    }

    @Test func decodesGzipContentEncoding() async throws {
        let plain = Array(String(repeating: "<item><title>Stadtlabor</title></item>\n", count: 2_000).utf8)
        let gzipped = try FaultServer.gzip(plain)
        let server = try LoopbackHTTPServer { _ in
            .init(
                status: 200, headers: [("Content-Type", "application/rss+xml"), ("Content-Encoding", "gzip")],
                body: gzipped)
        }
        defer { server.stop() }

        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml")))

        let response = try #require(outcome.response)
        #expect(gzipped.count < plain.count / 10)
        #expect(response.body == plain)
    }

    @Test func bodyCapCountsDecodedBytes() async throws {
        // 2 MiB of zeros compresses to a few KiB: only the decoded size may trip the 1 MiB cap.
        let gzipped = try FaultServer.gzip([UInt8](repeating: 0, count: 2 << 20))
        let server = try LoopbackHTTPServer { _ in
            .init(status: 200, headers: [("Content-Encoding", "gzip")], body: gzipped)
        }
        defer { server.stop() }

        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/bomb"), maxBytes: 1 << 20))

        #expect(gzipped.count < 1 << 20)
        #expect(outcome.error?.kind == .tooLarge)
        #expect(outcome.error?.message == "The response is larger than the limit of 1 MiB")
    }

    @Test(arguments: [true, false])
    func bodyOverCapIsTooLarge(sendsContentLength: Bool) async throws {
        let server = try LoopbackHTTPServer { _ in
            var response = LoopbackHTTPServer.Response(body: [UInt8](repeating: 65, count: 300_000))
            response.sendsContentLength = sendsContentLength
            return response
        }
        defer { server.stop() }

        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/big"), maxBytes: 100_000))

        let error = try #require(outcome.error)
        #expect(error.kind == .tooLarge)
        // With a length the size option refuses up front (63); without, the write callback stops it (23).
        #expect(error.curlCode == (sendsContentLength ? 63 : 23))
    }

    @Test func followsPermanentRedirectAndRecordsIt() async throws {
        let server = try LoopbackHTTPServer { request in
            switch request.path {
            case "/old": .redirect(301, to: "/new")  // relative on purpose
            case "/new": .text("<rss/>", contentType: "application/rss+xml")
            default: .text("no", status: 404)
            }
        }
        defer { server.stop() }

        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/old")))

        let response = try #require(outcome.response)
        #expect(response.httpStatus == 200)
        #expect(response.body == Array("<rss/>".utf8))
        #expect(response.finalURL == server.url("/new"))
        #expect(response.redirects == [HTTPRedirect(status: 301, location: server.url("/new"))])
        #expect(response.permanentRedirect == server.url("/new"))
        #expect(response.contentType == "application/rss+xml")  // from the final response, not the 301
    }

    @Test func permanentRedirectStopsAtFirstTemporaryHop() async throws {
        let server = try LoopbackHTTPServer { request in
            switch request.path {
            case "/a": .redirect(308, to: "/b")
            case "/b": .redirect(302, to: "/c")
            case "/c": .redirect(301, to: "/d")
            default: .text("ok")
            }
        }
        defer { server.stop() }

        let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/a"))).response)

        #expect(response.redirects.map(\.status) == [308, 302, 301])
        #expect(response.permanentRedirect == server.url("/b"))
        #expect(response.finalURL == server.url("/d"))
    }

    @Test func redirectLoopIsTooManyRedirects() async throws {
        let server = try LoopbackHTTPServer { request in
            .redirect(302, to: request.path == "/ping" ? "/pong" : "/ping")
        }
        defer { server.stop() }

        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/ping"), maxRedirects: 3))

        #expect(outcome.error?.kind == .tooManyRedirects)
        #expect(server.requests.count == 4)  // the original request plus three followed hops
    }

    @Test func redirectToFileSchemeIsRefused() async throws {
        let server = try LoopbackHTTPServer { _ in .redirect(302, to: "file:///etc/hostname") }
        defer { server.stop() }

        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/feed")))

        let error = try #require(outcome.error)
        #expect(error.kind == .disallowedScheme)
        #expect(error.message.contains("file:///etc/hostname"))
        #expect(outcome.response == nil)
        let hostname = try String(contentsOfFile: "/etc/hostname", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if hostname.count >= 4 { #expect(!error.description.contains(hostname)) }
        #expect(server.requests.count == 1)
    }

    @Test(arguments: ["file:///etc/hostname", "ftp://127.0.0.1/feed.xml", "gopher://127.0.0.1/"])
    func nonHTTPSchemesAreRefused(url: String) async {
        let outcome = await fetcher.fetch(FetchRequest(url: url))

        #expect(outcome.error?.kind == .disallowedScheme)
        #expect(outcome.response == nil)
    }

    @Test func notFoundIsHTTPFailure() async throws {
        let server = try LoopbackHTTPServer.serving(files: [:])
        defer { server.stop() }

        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/missing.ics")))

        let error = try #require(outcome.error)
        #expect(error.kind == .http(status: 404))
        #expect(error.kind.httpStatus == 404)
        #expect(error.message == "HTTP 404 Not Found")
        #expect(error.description == "HTTP 404 Not Found")
        #expect(!error.kind.isTransient)
    }

    @Test func serviceUnavailableKeepsRetryAfter() async throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 503, headers: [("Retry-After", "120")]) }
        defer { server.stop() }

        let error = try #require(await fetcher.fetch(FetchRequest(url: server.url("/"))).error)

        #expect(error.kind == .http(status: 503) && error.kind.isTransient)
        #expect(error.retryAfter == "120")
    }

    @Test func slowServerTimesOut() async throws {
        let server = try LoopbackHTTPServer { _ in
            var response = LoopbackHTTPServer.Response.text("late")
            response.delayBeforeBody = .seconds(10)
            return response
        }
        defer { server.stop() }
        let clock = ContinuousClock()
        let start = clock.now

        let outcome = await fetcher.fetch(FetchRequest(url: server.url("/slow"), totalTimeout: .seconds(1)))

        // Well below the server's 10 s delay; the margin is for the whole suite running on 2 loaded cores.
        #expect(start.duration(to: clock.now) < .seconds(6))
        let error = try #require(outcome.error)
        #expect(error.kind == .timeout)
        #expect(error.message == "No complete response within 1 s")
    }

    @Test func tricklingServerHitsLowSpeedLimit() async throws {
        let server = try LoopbackHTTPServer { _ in
            var response = LoopbackHTTPServer.Response(body: [UInt8](repeating: 46, count: 100))
            response.drip = (chunkSize: 1, interval: .milliseconds(500))
            return response
        }
        defer { server.stop() }
        let clock = ContinuousClock()
        let start = clock.now

        let outcome = await fetcher.fetch(
            FetchRequest(url: server.url("/drip"), lowSpeedLimit: 100, lowSpeedTime: .seconds(1)))

        // The whole drip takes 50 s: well under that means the limit cut it off. The margin is wide
        // because the suite runs tests in parallel and a loaded 2-core machine once needed 5.8 s.
        #expect(start.duration(to: clock.now) < .seconds(20))
        let error = try #require(outcome.error)
        #expect(error.kind == .timeout)
        #expect(error.message == "The server sent less than 100 byte/s for 1 s")
    }

    @Test func refusedConnectionIsConnectionError() async throws {
        let outcome = try await LoopbackHTTPServer.withRefusingPort { port in
            await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:\(port)/feed.xml"))
        }

        let error = try #require(outcome.error)
        #expect(error.kind == .connection)
        #expect(error.curlCode == 7)
        #expect(error.kind.isTransient)
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try LoopbackHTTPServer { _ in
            var response = LoopbackHTTPServer.Response.text("late")
            response.delayBeforeHeaders = .seconds(20)
            return response
        }
        defer { server.stop() }
        let clock = ContinuousClock()
        let start = clock.now

        let fetcher = fetcher
        let task = Task { await fetcher.fetch(FetchRequest(url: server.url("/slow"))) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let outcome = await task.value

        #expect(outcome.error?.kind == .cancelled)
        // The server stays silent for 20 s; half of that leaves room for a loaded 2-core machine.
        #expect(start.duration(to: clock.now) < .seconds(10))
    }

    /// Wall time of `count` parallel fetches that each wait `delay` before the body, spread over
    /// `hosts` servers (each its own `host:port`, which is what the per-host limit counts).
    private static func parallelFetches(
        _ fetcher: CurlFetcher, count: Int, delay: Duration, hosts: Int = 1
    ) async throws -> (statuses: [Int], elapsed: Duration, peaks: [Int]) {
        let servers = try (0..<hosts).map { _ in
            try LoopbackHTTPServer { _ in
                var response = LoopbackHTTPServer.Response.text("ok")
                response.delayBeforeBody = delay
                return response
            }
        }
        defer { servers.forEach { $0.stop() } }
        let start = ContinuousClock.now
        let statuses = await withTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                let url = servers[index % servers.count].url("/\(index)")
                group.addTask { await fetcher.fetch(FetchRequest(url: url)).response?.httpStatus ?? 0 }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        return (statuses, start.duration(to: .now), servers.map(\.peakHeld))
    }

    @Test func concurrentSlowFetchesDoNotQueueBehindEachOther() async throws {
        let fetcher = CurlFetcher(maxConnections: 32, maxPerHost: 16)
        let run = try await Self.parallelFetches(fetcher, count: 16, delay: .seconds(1))
        #expect(run.statuses == Array(repeating: 200, count: 16))
        // Each response is held back a second: sixteen requests held at once means the blocked
        // transfers overlapped on the one multi handle (counted by the server, so a loaded machine
        // cannot make this flaky the way a wall-clock bound did).
        #expect(run.peaks == [16])
    }

    @Test func perHostAndGlobalLimitsQueueTransfers() async throws {
        let perHost = try await Self.parallelFetches(
            CurlFetcher(maxConnections: 32, maxPerHost: 2), count: 6, delay: .milliseconds(800))
        #expect(perHost.statuses == Array(repeating: 200, count: 6))
        #expect(perHost.peaks == [2], "never more than 2 at once on one host")
        #expect(perHost.elapsed >= .milliseconds(2400), "6 transfers, 2 at a time: three rounds")
        // Other servers are other hosts: the per-host limit does not hold them back.
        let spread = try await Self.parallelFetches(
            CurlFetcher(maxConnections: 32, maxPerHost: 2), count: 6, delay: .milliseconds(800),
            hosts: 3)
        #expect(spread.peaks == [2, 2, 2], "every host had its two transfers at once")
        let global = try await Self.parallelFetches(
            CurlFetcher(maxConnections: 2, maxPerHost: 8), count: 6, delay: .milliseconds(800),
            hosts: 3)
        #expect(global.peaks.allSatisfy { $0 <= 2 })
        #expect(global.elapsed >= .milliseconds(2400), "the global limit caps all hosts together")
    }

    @Test func noTransferStartsWhileDeliveredBodiesFillTheBacklog() async throws {
        let server = try LoopbackHTTPServer { request in .text(String(repeating: "x", count: 1_000) + request.path) }
        defer { server.stop() }
        let fetcher = CurlFetcher(maxConnections: 8, maxPerHost: 8, maxBacklogBytes: 1_500)
        var first: FetchOutcome? = await fetcher.fetch(FetchRequest(url: server.url("/first")))
        #expect(first?.response?.lease?.bytes == 1_006)
        let second: FetchOutcome? = await fetcher.fetch(FetchRequest(url: server.url("/second")))
        #expect(second?.response?.httpStatus == 200, "under the limit when it was asked for")
        // 2,013 bytes are alive now: the third transfer waits without going on the wire.
        let third = Task { await fetcher.fetch(FetchRequest(url: server.url("/third"))).response?.httpStatus }
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.requests.map(\.path) == ["/first", "/second"])
        // Dropping the first response gives its bytes back (1,007 alive): the third may start.
        first = nil
        #expect(await third.value == 200)
        #expect(second?.response?.lease != nil)
        #expect(server.requests.map(\.path) == ["/first", "/second", "/third"])
    }
}
