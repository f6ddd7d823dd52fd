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
            try Row.fetchOne(db, sql: "SELECT \(Self.recordColumns) FROM source WHERE id = ?", arguments: [id])
                .map(Self.record)
        }
    }

    /// Every stored source, ordered by id.
    public func sources() throws -> [SourceRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.recordColumns) FROM source ORDER BY id").map(Self.record)
        }
    }

    /// Records a fetch that was not modified: the items stay untouched. (Rewriting each item's
    /// `last_seen` here rewrote the whole item table on every all-304 sync; nothing reads it.)
    public func recordUnchanged(
        _ source: SourceIdentity, httpStatus: Int?, validators: SourceValidators,
        schedule: SourceSchedule = SourceSchedule(), now: Date
    ) throws {
        try recordUnchanged(
            [UnchangedFetch(source: source, httpStatus: httpStatus, validators: validators, schedule: schedule)],
            now: now)
    }

    /// Records several fetches that were not modified in one transaction. Each row changes only
    /// bookkeeping (time, validators, schedule), never items, so a batch lost to a crash costs
    /// nothing but a refetch; a thousand tiny transactions were a large part of an all-304 sync.
    public func recordUnchanged(_ fetches: [UnchangedFetch], now: Date) throws {
        guard !fetches.isEmpty else { return }
        try pool.write { db in
            for fetch in fetches {
                try Self.upsert(fetch.source, db: db)
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
                        now.timeIntervalSince1970, now.timeIntervalSince1970, fetch.httpStatus,
                        fetch.validators.etag, fetch.validators.lastModified, fetch.validators.contentHash,
                        fetch.schedule.nextDue?.timeIntervalSince1970, fetch.schedule.movedTo, fetch.source.id,
                    ])
            }
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

    /// The columns `record` reads, in the order it reads them by position: looking a column up by
    /// name compares names case-insensitively, which for every row of a big federation added up.
    static let recordColumns = """
        id, member, url, role, etag, last_modified, content_hash, state, format, last_attempt, last_success,
        last_error, http_status, item_count, warnings, parser_version, next_due, failure_count, moved_to, hold_reason
        """

    static func record(_ row: Row) -> SourceRecord {
        // Most sources have no warnings; a JSONDecoder per row was a tenth of an all-304 sync.
        let warnings = (row[14] as String?).flatMap {
            $0 == "[]" ? [] : try? JSONDecoder().decode([String].self, from: Data($0.utf8))
        }
        return SourceRecord(
            id: row[0], member: row[1], url: row[2], role: row[3], etag: row[4], lastModified: row[5],
            contentHash: row[6], state: SourceState(rawValue: row[7]) ?? .new, format: row[8],
            lastAttempt: (row[9] as Double?).map(Date.init(timeIntervalSince1970:)),
            lastSuccess: (row[10] as Double?).map(Date.init(timeIntervalSince1970:)),
            lastError: row[11], httpStatus: row[12], itemCount: row[13], warnings: warnings ?? [],
            parserVersion: row[15], nextDue: (row[16] as Double?).map(Date.init(timeIntervalSince1970:)),
            failureCount: row[17], movedTo: row[18], holdReason: row[19])
    }
}
