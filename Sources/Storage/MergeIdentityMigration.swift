import GRDB

/// Migration "v3_merge_identity": the life of every merged UID, so SEQUENCE and LAST-MODIFIED move
/// only with the published content, a joined cluster's UID becomes an alias, and an event whose
/// sources all left can still be published as cancelled.
enum MergeIdentityMigration {
    static let name = "v3_merge_identity"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(name) { db in
            try db.execute(
                sql: """
                    CREATE TABLE merged_event (
                        uid TEXT PRIMARY KEY NOT NULL,
                        state TEXT NOT NULL,
                        alias_of TEXT,
                        content_hash TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        last_modified REAL NOT NULL,
                        created REAL NOT NULL,
                        payload BLOB
                    );
                    CREATE INDEX merged_event_alias ON merged_event(alias_of);
                    """)
        }
    }
}
