import Foundation
import GRDB

/// The HTTP validators and content hash a successful fetch leaves for the next one.
public struct SourceValidators: Sendable, Hashable {
    public var etag: String?
    public var lastModified: String?
    public var contentHash: String?

    public init(etag: String? = nil, lastModified: String? = nil, contentHash: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
        self.contentHash = contentHash
    }
}

/// Scheduling facts written together with a source's status, in the same transaction.
public struct SourceSchedule: Sendable, Hashable {
    /// Earliest time the source is fetched again; nil means the next sync.
    public var nextDue: Date?
    /// A permanent redirect target seen on this fetch.
    public var movedTo: String?

    public init(nextDue: Date? = nil, movedTo: String? = nil) {
        self.nextDue = nextDue
        self.movedTo = movedTo
    }
}

extension HubStore {
    /// The stored state of one source, or nil before its first sync.
    public func source(id: String) throws -> SourceRecord? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM source WHERE id = ?", arguments: [id]).map(Self.record)
        }
    }

    /// Every stored source, ordered by id.
    public func sources() throws -> [SourceRecord] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM source ORDER BY id").map(Self.record) }
    }

    /// Records a fetch that was not modified: the items stay untouched. (Rewriting each item's
    /// `last_seen` here rewrote the whole item table on every all-304 sync; nothing reads it.)
    public func recordUnchanged(
        _ source: SourceIdentity, httpStatus: Int?, validators: SourceValidators,
        schedule: SourceSchedule = SourceSchedule(), now: Date
    ) throws {
        try pool.write { db in
            try Self.upsert(source, db: db)
            try db.cachedStatement(
                sql: """
                    UPDATE source SET state = 'unchanged', last_attempt = ?, last_success = ?, last_error = NULL,
                        http_status = ?, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
                        content_hash = COALESCE(?, content_hash), next_due = ?, moved_to = ?, failure_count = 0,
                        hold_reason = NULL
                    WHERE id = ?
                    """
            ).execute(
                arguments: [
                    now.timeIntervalSince1970, now.timeIntervalSince1970, httpStatus, validators.etag,
                    validators.lastModified, validators.contentHash, schedule.nextDue?.timeIntervalSince1970,
                    schedule.movedTo, source.id,
                ])
        }
    }

    /// Records a failed fetch or parse. The source's items are left exactly as they were.
    /// `state` is `.failed` or `.broken`; the failure count grows by one.
    public func recordFailure(
        _ source: SourceIdentity, error: String, httpStatus: Int?, state: SourceState = .failed,
        schedule: SourceSchedule = SourceSchedule(), now: Date
    ) throws {
        try pool.write { db in
            try Self.upsert(source, db: db)
            try db.execute(
                sql: """
                    UPDATE source SET state = ?, last_attempt = ?, last_error = ?, http_status = ?,
                        failure_count = failure_count + 1, next_due = ?, moved_to = COALESCE(?, moved_to)
                    WHERE id = ?
                    """,
                arguments: [
                    state.rawValue, now.timeIntervalSince1970, error, httpStatus,
                    schedule.nextDue?.timeIntervalSince1970, schedule.movedTo, source.id,
                ])
        }
    }

    /// Records content that was fetched but held back: items and validators stay as they were,
    /// so the next sync fetches and judges the content again.
    public func recordHeld(
        _ source: SourceIdentity, reason: String, httpStatus: Int?, schedule: SourceSchedule = SourceSchedule(),
        now: Date
    ) throws {
        try pool.write { db in
            try Self.upsert(source, db: db)
            try db.execute(
                sql: """
                    UPDATE source SET state = 'held', last_attempt = ?, last_error = NULL, hold_reason = ?,
                        http_status = ?, failure_count = 0, next_due = ?, moved_to = ?
                    WHERE id = ?
                    """,
                arguments: [
                    now.timeIntervalSince1970, reason, httpStatus, schedule.nextDue?.timeIntervalSince1970,
                    schedule.movedTo, source.id,
                ])
        }
    }

    static func upsert(_ source: SourceIdentity, db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO source (id, member, url, role) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET member = excluded.member, url = excluded.url, role = excluded.role
                """
        ).execute(arguments: [source.id, source.member, source.url, source.role])
    }

    static func record(_ row: Row) -> SourceRecord {
        // Most sources have no warnings; a JSONDecoder per row was a tenth of an all-304 sync.
        let warnings = (row["warnings"] as String?).flatMap {
            $0 == "[]" ? [] : try? JSONDecoder().decode([String].self, from: Data($0.utf8))
        }
        return SourceRecord(
            id: row["id"], member: row["member"], url: row["url"], role: row["role"], etag: row["etag"],
            lastModified: row["last_modified"], contentHash: row["content_hash"],
            state: SourceState(rawValue: row["state"]) ?? .new, format: row["format"],
            lastAttempt: (row["last_attempt"] as Double?).map(Date.init(timeIntervalSince1970:)),
            lastSuccess: (row["last_success"] as Double?).map(Date.init(timeIntervalSince1970:)),
            lastError: row["last_error"], httpStatus: row["http_status"], itemCount: row["item_count"],
            warnings: warnings ?? [], parserVersion: row["parser_version"],
            nextDue: (row["next_due"] as Double?).map(Date.init(timeIntervalSince1970:)),
            failureCount: row["failure_count"], movedTo: row["moved_to"], holdReason: row["hold_reason"])
    }
}
