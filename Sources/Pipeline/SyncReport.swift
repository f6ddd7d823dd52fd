import Foundation
import Storage

/// What happened to one source in one sync.
public struct SourceSyncResult: Sendable {
    public var member: String
    public var source: String
    public var url: String
    /// The source's state after this sync (for a skipped source, the state it already had).
    public var state: SourceState
    /// One line in plain words: what was read, or why it failed.
    public var message: String
    public var httpStatus: Int?
    /// Items the source contributes after this sync (the last good ones when it failed).
    public var itemCount: Int
    public var warnings: [String]
    /// Set when the server answered 301/308: the coordinator should update federation.json.
    public var movedTo: String?
    /// Earliest time the source is fetched again; nil means the next sync.
    public var nextDue: Date?
    /// True when the source was not due and was not fetched in this sync.
    public var skipped = false
}

/// Progress of a running sync, for a live display: a due source is queued (`started`), its fetch
/// goes on the wire once the connection limits allow (`fetching`), its content is then read and
/// stored (`reading`), and it is done (`finished`). A source that is not due only finishes; a local
/// file goes from `started` to `finished`.
public enum SyncProgress: Sendable {
    case started(member: String, source: String)
    case fetching(member: String, source: String)
    case reading(member: String, source: String)
    case finished(SourceSyncResult)
}

/// The outcome of a whole sync, for the CLI to print and turn into an exit code.
public struct SyncReport: Sendable {
    public var results: [SourceSyncResult]
    public var publishedFiles: [String]
    public var eventCount: Int
    public var articleCount: Int
    /// Set when this sync found the lock of an earlier run that was killed and took it over.
    public var tookOverLockFrom: Int32?

    public init(results: [SourceSyncResult], publishedFiles: [String], eventCount: Int, articleCount: Int) {
        self.results = results
        self.publishedFiles = publishedFiles
        self.eventCount = eventCount
        self.articleCount = articleCount
    }

    /// Sources that failed or are gone, skipped ones in backoff included: they still deliver nothing new.
    public var failedSources: [SourceSyncResult] { results.filter { $0.state == .failed || $0.state == .broken } }
    /// Sources whose new content waits for `sync --accept`.
    public var heldSources: [SourceSyncResult] { results.filter { $0.state == .held } }
}
