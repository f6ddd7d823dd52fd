import FeedModel
import Foundation
import GRDB

/// The hub's SQLite store: sources with their HTTP validators and status, items with
/// first-seen/last-seen, and the identities minted for merged events.
public final class HubStore: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // WAL with synchronous=NORMAL: a commit no longer waits for the disk, only a checkpoint does.
        // A killed process loses nothing committed; a power cut may lose the last commits but never
        // the file's consistency, and the next sync fetches those sources again. With FULL, a sync of
        // 1,000 sources on a busy disk spent more time in fsync than in all its parsing.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        pool = try DatabasePool(path: path, configuration: configuration)
        try StoreMigrations.migrator.migrate(pool)
    }

    /// Runs SQLite's own consistency check; "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
