import FeedModel
import Foundation
import GRDB

extension HubStore {
    /// Every merged UID the hub has published, by UID.
    public func identityRecords() throws -> [String: IdentityRecord] {
        try pool.read { db in
            var records: [String: IdentityRecord] = [:]
            let sql = "SELECT uid, state, alias_of, content_hash, sequence, last_modified, created FROM merged_event"
            for row in try Row.fetchAll(db, sql: sql) {
                let uid: String = row["uid"]
                records[uid] = IdentityRecord(
                    uid: uid, state: IdentityState(rawValue: row["state"]) ?? .live, aliasOf: row["alias_of"],
                    contentHash: row["content_hash"],
                    sequence: row["sequence"], lastModified: Date(timeIntervalSince1970: row["last_modified"]),
                    created: Date(timeIntervalSince1970: row["created"]))
            }
            return records
        }
    }

    /// The content last published under `uid`, as saved by `saveMergedEvents`.
    public func mergedEventPayload(uid: String) throws -> Data? {
        try pool.read { db in
            try Data.fetchOne(db, sql: "SELECT payload FROM merged_event WHERE uid = ?", arguments: [uid])
        }
    }

    /// Stores changed rows and changed item assignments in one transaction; a nil payload keeps none.
    public func saveMergedEvents(
        _ rows: [(row: IdentityRecord, payload: Data?)], assignments: [String: String], now: Date
    ) throws {
        guard !rows.isEmpty || !assignments.isEmpty else { return }
        try pool.write { db in
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO merged_event (uid, state, alias_of, content_hash, sequence, last_modified, created, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(uid) DO UPDATE SET state = excluded.state, alias_of = excluded.alias_of,
                        content_hash = excluded.content_hash, sequence = excluded.sequence,
                        last_modified = excluded.last_modified, created = excluded.created,
                        payload = excluded.payload
                    """)
            for (row, payload) in rows.sorted(by: { $0.row.uid < $1.row.uid }) {
                try upsert.execute(
                    arguments: [
                        row.uid, row.state.rawValue, row.aliasOf, row.contentHash, row.sequence,
                        row.lastModified.timeIntervalSince1970, row.created.timeIntervalSince1970, payload,
                    ])
            }
            try Self.upsertAssignments(assignments, now: now, db: db)
        }
    }
}
