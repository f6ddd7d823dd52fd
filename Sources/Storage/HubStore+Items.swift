import FeedModel
import Foundation
import GRDB

/// An item read back from the store, with when it was first seen and last changed.
public struct StoredItem<Payload: Sendable>: Sendable {
    public var sourceID: String
    public var payload: Payload
    public var firstSeen: Date
    public var lastChanged: Date
}

extension HubStore {
    /// Replaces a source's items with what it publishes now, in one transaction: new items are
    /// added, changed ones updated (first-seen kept), and items the source dropped are removed.
    ///
    /// A dropped item leaves a tombstone with its first-seen time; if the source publishes it
    /// again (a flapping source), it comes back with that time instead of as new.
    public func recordSuccess(
        _ source: SourceIdentity, events: [Event], articles: [Article], format: String, warnings: [String],
        httpStatus: Int?, validators: SourceValidators, parserVersion: Int,
        schedule: SourceSchedule = SourceSchedule(), now: Date
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var rows: [(kind: String, key: String, payload: Data)] = []
        for event in events { rows.append(("event", event.itemKey, try encoder.encode(event))) }
        for article in articles { rows.append(("article", article.id, try encoder.encode(article))) }
        let warningsJSON = String(decoding: try encoder.encode(warnings), as: UTF8.self)
        let time = now.timeIntervalSince1970
        try pool.write { db in
            try Self.upsert(source, db: db)
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS present (kind TEXT, item_key TEXT)")
            try db.execute(sql: "DELETE FROM present")
            // Prepared once per connection and reused: compiling the SQL per item cost more than running it.
            let upsertItem = try db.cachedStatement(
                sql: """
                        INSERT INTO item (source_id, kind, item_key, payload, content_hash, first_seen, last_seen, last_changed)
                        VALUES (?, ?, ?, ?, ?,
                            COALESCE((SELECT first_seen FROM item_tombstone
                                WHERE source_id = ?1 AND kind = ?2 AND item_key = ?3), ?6), ?7, ?8)
                        ON CONFLICT(source_id, kind, item_key) DO UPDATE SET
                            payload = excluded.payload,
                            last_seen = excluded.last_seen,
                            last_changed = CASE WHEN item.content_hash = excluded.content_hash
                                THEN item.last_changed ELSE excluded.last_changed END,
                            content_hash = excluded.content_hash
                        """)
            let markPresent = try db.cachedStatement(sql: "INSERT INTO present VALUES (?, ?)")
            for row in rows {
                let hash = SHA256.hex(row.payload)
                try upsertItem.execute(arguments: [source.id, row.kind, row.key, row.payload, hash, time, time, time])
                try markPresent.execute(arguments: [row.kind, row.key])
            }
            try db.execute(
                sql: """
                    DELETE FROM item_tombstone WHERE source_id = ?
                    AND (kind, item_key) IN (SELECT kind, item_key FROM present)
                    """,
                arguments: [source.id])
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO item_tombstone (source_id, kind, item_key, first_seen, removed_at)
                    SELECT source_id, kind, item_key, first_seen, ? FROM item WHERE source_id = ?
                    AND (kind, item_key) NOT IN (SELECT kind, item_key FROM present)
                    """,
                arguments: [time, source.id])
            try db.execute(
                sql: """
                    DELETE FROM item WHERE source_id = ?
                    AND (kind, item_key) NOT IN (SELECT kind, item_key FROM present)
                    """,
                arguments: [source.id])
            // A year is far longer than any flap; older tombstones only cost space.
            try db.execute(
                sql: "DELETE FROM item_tombstone WHERE source_id = ? AND removed_at < ?",
                arguments: [source.id, time - 366 * 86_400])
            try db.execute(
                sql: """
                    UPDATE source SET state = 'ok', format = ?, last_attempt = ?, last_success = ?, last_error = NULL,
                        http_status = ?, etag = ?, last_modified = ?, content_hash = ?, item_count = ?, warnings = ?,
                        parser_version = ?, next_due = ?, moved_to = ?, failure_count = 0, hold_reason = NULL
                    WHERE id = ?
                    """,
                arguments: [
                    format, time, time, httpStatus, validators.etag, validators.lastModified, validators.contentHash,
                    rows.count, warningsJSON, parserVersion, schedule.nextDue?.timeIntervalSince1970, schedule.movedTo,
                    source.id,
                ])
        }
    }

    /// The stored events of the given sources.
    public func events(sourceIDs: [String]) throws -> [StoredItem<Event>] {
        try items(kind: "event", sourceIDs: sourceIDs)
    }

    /// The stored articles of the given sources.
    public func articles(sourceIDs: [String]) throws -> [StoredItem<Article>] {
        try items(kind: "article", sourceIDs: sourceIDs)
    }

    /// The `limit` newest stored articles of the given sources, newest first (by published date,
    /// else first seen), ties by source and key. Only these payloads are decoded: a large
    /// federation stores far more articles than its feeds publish.
    public func newestArticles(sourceIDs: [String], limit: Int) throws -> [StoredItem<Article>] {
        // Payload dates are JSONEncoder's default: seconds since 2001-01-01, not since 1970.
        try items(
            kind: "article", sourceIDs: sourceIDs,
            order: """
                COALESCE(json_extract(payload, '$.published'), first_seen - \(Date.timeIntervalBetween1970AndReferenceDate)) DESC,
                source_id, item_key LIMIT \(max(0, limit))
                """)
    }

    private func items<T: Decodable & Sendable>(
        kind: String, sourceIDs: [String], order: String = "source_id, item_key"
    ) throws -> [StoredItem<T>] {
        let decoder = JSONDecoder()
        return try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT source_id, payload, first_seen, last_changed FROM item
                    WHERE kind = ? AND source_id IN (SELECT value FROM json_each(?))
                    ORDER BY \(order)
                    """,
                arguments: [kind, String(decoding: try JSONEncoder().encode(sourceIDs), as: UTF8.self)])
            return try rows.map { row in
                StoredItem(
                    sourceID: row["source_id"], payload: try decoder.decode(T.self, from: row["payload"] as Data),
                    firstSeen: Date(timeIntervalSince1970: row["first_seen"]),
                    lastChanged: Date(timeIntervalSince1970: row["last_changed"]))
            }
        }
    }
}
