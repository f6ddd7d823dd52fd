import Foundation
import Storage

/// What happened to one source in one sync.
public struct SourceSyncResult: Sendable {
    public var member: String
    public var source: String
    public var url: String
    public var state: SourceState
    /// One line in plain words: what was read, or why it failed.
    public var message: String
    public var httpStatus: Int?
    /// Items the source contributes after this sync (the last good ones when it failed).
    public var itemCount: Int
    public var warnings: [String]
    /// Set when the server answered 301/308: the coordinator should update federation.json.
    public var movedTo: String?
}

/// The outcome of a whole sync, for the CLI to print and turn into an exit code.
public struct SyncReport: Sendable {
    public var results: [SourceSyncResult]
    public var publishedFiles: [String]
    public var eventCount: Int
    public var articleCount: Int

    public var failedSources: [SourceSyncResult] { results.filter { $0.state == .failed } }
}
