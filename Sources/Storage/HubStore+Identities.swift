import Foundation
import GRDB

extension HubStore {
    /// Merged-event UIDs minted so far, by source item reference.
    public func mergedIdentities() throws -> [String: String] {
        try pool.read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT item_ref, merged_uid FROM merged_identity") {
                result[row["item_ref"]] = row["merged_uid"]
            }
            return result
        }
    }

    /// Stores new or changed assignments; an unchanged assignment keeps its original time.
    public func saveMergedIdentities(_ identities: [String: String], now: Date) throws {
        try pool.write { db in try Self.upsertAssignments(identities, now: now, db: db) }
    }

    /// The one write of item → merged UID assignments, for the identity and the merged-event saves.
    static func upsertAssignments(_ assignments: [String: String], now: Date, db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO merged_identity (item_ref, merged_uid, assigned_at) VALUES (?, ?, ?)
                ON CONFLICT(item_ref) DO UPDATE SET merged_uid = excluded.merged_uid,
                    assigned_at = CASE WHEN merged_uid = excluded.merged_uid THEN assigned_at
                        ELSE excluded.assigned_at END
                """)
        for (ref, uid) in assignments.sorted(by: { $0.key < $1.key }) {
            try statement.execute(arguments: [ref, uid, now.timeIntervalSince1970])
        }
    }
}
