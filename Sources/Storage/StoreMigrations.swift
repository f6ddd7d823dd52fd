import GRDB

/// Append-only schema history: never edit a registered migration, add a new one.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, items, merged identities") { db in
            try db.execute(
                sql: """
                    CREATE TABLE source (
                        id TEXT PRIMARY KEY NOT NULL,
                        member TEXT NOT NULL,
                        url TEXT NOT NULL,
                        role TEXT NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        content_hash TEXT,
                        state TEXT NOT NULL DEFAULT 'new',
                        format TEXT,
                        last_attempt REAL,
                        last_success REAL,
                        last_error TEXT,
                        http_status INTEGER,
                        item_count INTEGER NOT NULL DEFAULT 0,
                        warnings TEXT NOT NULL DEFAULT '[]'
                    );
                    CREATE TABLE item (
                        source_id TEXT NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        item_key TEXT NOT NULL,
                        payload BLOB NOT NULL,
                        content_hash TEXT NOT NULL,
                        first_seen REAL NOT NULL,
                        last_seen REAL NOT NULL,
                        last_changed REAL NOT NULL,
                        PRIMARY KEY (source_id, kind, item_key)
                    );
                    CREATE TABLE merged_identity (
                        item_ref TEXT PRIMARY KEY NOT NULL,
                        merged_uid TEXT NOT NULL,
                        assigned_at REAL NOT NULL
                    );
                    CREATE INDEX merged_identity_uid ON merged_identity(merged_uid);
                    """)
        }
        migrator.registerMigration("v2: parser version per source") { db in
            try db.execute(sql: "ALTER TABLE source ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 0")
        }
        SourceLifecycleMigration.register(in: &migrator)
        MergeIdentityMigration.register(in: &migrator)
        return migrator
    }
}
