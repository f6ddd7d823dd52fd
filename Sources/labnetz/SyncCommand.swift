import ArgumentParser
import Federation
import Foundation
import Logging
import Pipeline
import Storage

/// `labnetz sync`: fetches every source, merges, and publishes.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fetch all sources, merge, and publish the combined feeds into publishDir.",
        discussion: "Prints one line per source and a summary. A failing source keeps its last good items.")

    @OptionGroup var options: ConfigOption

    @Flag(name: .long, help: "Re-read and re-parse every source, even when it did not change.")
    var force = false

    @Flag(name: .long, help: "Log parser warnings and details on stderr.")
    var verbose = false

    @Option(name: .long, help: .hidden)
    var now: String?

    func run() async throws {
        let config = try options.load()
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
        let report: SyncReport
        do {
            let store = try HubStore(path: config.hub.database)
            report = try await HubSync(config: config, store: store, logger: logger).run(now: clock, force: force) {
                result in print(Self.line(result))
            }
        } catch {
            Terminal.error("sync aborted: \(error)")
            throw ExitCodes.storeOrPublishFailed
        }
        let failed = report.failedSources.count
        print(
            "sync: \(report.results.count) sources, \(report.results.count - failed) ok, \(failed) failed; "
                + "\(report.eventCount) events, \(report.articleCount) news items published to \(config.hub.publishDir)"
        )
        if failed > 0 { throw ExitCodes.sourcesFailed }
    }

    static func line(_ r: SourceSyncResult) -> String {
        let tag: String
        switch r.state {
        case .ok: tag = "ok     "
        case .unchanged: tag = "same   "
        case .failed: tag = "FAILED "
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
