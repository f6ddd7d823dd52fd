import FeedModel
import Federation
import Foundation
import Parsing
import Publishing
import Storage

/// What the content files were last rendered from, kept beside the database (`<database>.published`),
/// so a sync in which no source changed rewrites only the status files.
///
/// Derived from the store, not from this run's results: if a run was killed between storing and
/// publishing, the store no longer matches the recorded fingerprint and the next run publishes.
struct PublishFingerprint: Equatable {
    var digest: String
    var events: Int
    var articles: Int

    /// The configuration, each source's stored content (hash, parser version, item count), and the
    /// current hour in the hub zone: time-dependent output (the agenda's "upcoming") is renewed hourly,
    /// and so is output of a newer labnetz binary (or at once with `sync --force`).
    static func digest(config: FederationConfig, records: [SourceRecord], now: Date) -> String {
        let hour = CivilDateTime(now, in: config.hub.timeZone)
        var text = (config.fileDigest ?? String(describing: config)) + "\n\(hour.date.isoString)T\(hour.hour)\n"
        for record in records {
            text += "\(record.id)\t\(record.contentHash ?? "-")\t\(record.parserVersion)\t\(record.itemCount)\n"
        }
        return SHA256.hex(text)
    }

    static func path(_ config: FederationConfig) -> String { config.hub.database + ".published" }

    /// The recorded fingerprint, or nil if none was recorded or a published file is missing.
    static func recorded(_ config: FederationConfig) -> PublishFingerprint? {
        for name in HubPublisher.fileNames {
            let file = (config.hub.publishDir as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file) else { return nil }
        }
        guard let text = try? String(contentsOfFile: path(config), encoding: .utf8) else { return nil }
        let parts = text.split(separator: "\n").map(String.init)
        guard parts.count == 3, let events = Int(parts[1]), let articles = Int(parts[2]) else { return nil }
        return PublishFingerprint(digest: parts[0], events: events, articles: articles)
    }

    func record(_ config: FederationConfig) throws {
        try AtomicFile.write(Data("\(digest)\n\(events)\n\(articles)\n".utf8), to: Self.path(config))
    }
}
