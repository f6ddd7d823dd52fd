import GRDB

/// Migration "v3_source_lifecycle": scheduling, backoff, held and moved sources, and tombstones.
enum SourceLifecycleMigration {
    static let name = "v3_source_lifecycle"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(name) { db in
            try db.execute(
                sql: """
                    ALTER TABLE source ADD COLUMN next_due REAL;
                    ALTER TABLE source ADD COLUMN failure_count INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE source ADD COLUMN moved_to TEXT;
                    ALTER TABLE source ADD COLUMN hold_reason TEXT;
                    CREATE TABLE item_tombstone (
                        source_id TEXT NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        item_key TEXT NOT NULL,
                        first_seen REAL NOT NULL,
                        removed_at REAL NOT NULL,
                        PRIMARY KEY (source_id, kind, item_key)
                    );
                    """)
        }
    }
}
