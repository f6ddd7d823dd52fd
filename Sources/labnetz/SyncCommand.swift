import ArgumentParser
import Federation
import Foundation
import Logging
import Pipeline
import Storage

/// `labnetz sync`: fetches every due source, merges, and publishes.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fetch all due sources, merge, and publish the combined feeds into publishDir.",
        discussion: """
            Prints one line per source and a summary (on a terminal also a live progress line).
            A failing source keeps its last good items and is retried with growing pauses; a source whose
            new content has no items or loses many upcoming events is held until `--accept SOURCE`.
            """)

    @OptionGroup var options: ConfigOption

    @Flag(name: .long, help: "Fetch every source now, ignoring schedules and backoff, and re-parse unchanged ones.")
    var force = false

    @Option(
        name: .long, parsing: .singleValue,
        help: "Take the held content of this source as it is (repeatable).")
    var accept: [String] = []

    @Option(name: .long, help: "Seconds one source may take in total (default 30).")
    var timeout: Double?

    @Option(name: .long, help: "Transfers at the same time, over all hosts (default 64).")
    var connections: Int?

    @Option(name: .customLong("per-host"), help: "Transfers at the same time to one host (default 4).")
    var perHost: Int?

    @Flag(name: .long, help: "Log parser warnings and details on stderr.")
    var verbose = false

    @Option(name: .long, help: .hidden)
    var now: String?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 3600) { throw ValidationError("--timeout must be 0 < s ≤ 3600") }
        if let connections, connections < 1 { throw ValidationError("--connections must be at least 1") }
        if let perHost, perHost < 1 { throw ValidationError("--per-host must be at least 1") }
    }

    func run() async throws {
        let config = try options.load()
        let known = Set(config.sources.map(\.source.id))
        for id in accept where !known.contains(id) {
            throw ValidationError("--accept \(id): no such source in \(options.config)")
        }
        var logger = Logger(label: "labnetz.sync")
        logger.logLevel = verbose ? .info : .error
        let clock = try now.map(Self.parseNow) ?? Date()
        let lock: SyncLock?
        do {
            lock = try SyncLock.acquire(path: config.hub.database + ".lock")
        } catch {
            Terminal.error("cannot create the lock file \(config.hub.database).lock: \(error)")
            throw ExitCodes.storeOrPublishFailed
        }
        guard let lock else {
            Terminal.error("another labnetz sync is running (lock: \(config.hub.database).lock); nothing done")
            throw ExitCodes.syncRunning
        }
        defer { withExtendedLifetime(lock) {} }
        if let pid = lock.takenOverFrom {
            print("note: the previous sync (pid \(pid)) did not finish; its lock was taken over")
            fflush(nil)  // the progress lines below bypass print's buffer
        }
        var sync: HubSync
        let display = ProgressDisplay(total: config.sources.count, live: Terminal.isInteractive)
        let report: SyncReport
        do {
            sync = HubSync(config: config, store: try HubStore(path: config.hub.database), logger: logger)
            if let timeout {
                sync.policy.totalTimeout = .milliseconds(Int(timeout * 1000))
                sync.policy.connectTimeout = min(sync.policy.connectTimeout, sync.policy.totalTimeout)
                sync.policy.lowSpeedTime = min(sync.policy.lowSpeedTime, sync.policy.totalTimeout)
            }
            if let connections { sync.policy.maxConnections = connections }
            if let perHost { sync.policy.maxPerHost = perHost }
            report = try await sync.run(now: clock, force: force, accept: Set(accept)) { display.show($0) }
        } catch {
            display.finish()
            Terminal.error("sync aborted: \(error)")
            throw ExitCodes.storeOrPublishFailed
        }
        display.finish()
        let failed = report.failedSources.count
        let held = report.heldSources.count
        let skipped = report.results.filter(\.skipped).count
        print(
            "sync: \(report.results.count) sources, \(report.results.count - failed - held) ok, \(failed) failed, "
                + "\(held) held, \(skipped) not due; \(report.eventCount) events, \(report.articleCount) news items "
                + "published to \(config.hub.publishDir)")
        if failed > 0 { throw ExitCodes.sourcesFailed }
        if held > 0 { throw ExitCodes.sourcesHeld }
    }

    static func line(_ r: SourceSyncResult) -> String {
        let tag: String
        switch r.state {
        case _ where r.skipped: tag = "wait   "
        case .ok: tag = "ok     "
        case .unchanged: tag = "same   "
        case .failed: tag = "FAILED "
        case .broken: tag = "BROKEN "
        case .held: tag = "HELD   "
        case .new: tag = "new    "
        }
        var text = "\(tag) \(r.member)/\(r.source): \(r.message)"
        if let movedTo = r.movedTo { text += " (moved permanently to \(movedTo): update federation.json)" }
        return text
    }

    static func parseNow(_ text: String) throws -> Date {
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw ValidationError("--now must be an ISO 8601 time such as 2026-11-21T12:00:00Z")
        }
        return date
    }
}
