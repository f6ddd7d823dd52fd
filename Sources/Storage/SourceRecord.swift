import Foundation

/// How the last sync of a source ended.
public enum SourceState: String, Sendable, Codable, Hashable {
    /// Never synced.
    case new
    /// Fetched and parsed; items replaced.
    case ok
    /// Not modified since the last sync (HTTP 304 or the same bytes); items kept.
    case unchanged
    /// Fetching or parsing failed; the last good items are kept and the source is retried with backoff.
    case failed
    /// The feed is gone (HTTP 404 or 410): the last good items are kept, the coordinator must act.
    case broken
    /// The new content looked like an accident (no items, or many future events lost at once):
    /// the last good items are kept until the coordinator runs `sync --accept SOURCE`.
    case held

    /// The source does not deliver fresh content and somebody should look at it.
    public var needsAttention: Bool { self == .failed || self == .broken || self == .held }
}

/// A source's row in the store: validators for conditional GET and its last status.
public struct SourceRecord: Sendable, Hashable {
    public var id: String
    public var member: String
    public var url: String
    public var role: String
    public var etag: String?
    public var lastModified: String?
    public var contentHash: String?
    public var state: SourceState
    public var format: String?
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    public var lastError: String?
    public var httpStatus: Int?
    public var itemCount: Int
    public var warnings: [String]
    /// `DocumentParser.version` that produced the stored items (0 before it was recorded).
    public var parserVersion: Int
    /// Earliest time the next sync fetches the source again; nil means at once.
    public var nextDue: Date?
    /// Failures in a row since the last success; drives the backoff.
    public var failureCount: Int
    /// Where a 301/308 pointed the last time the source was fetched.
    public var movedTo: String?
    /// Why the last content was held back (state `held`).
    public var holdReason: String?
}

/// Who a source belongs to and where it is read from, as written on every status update.
public struct SourceIdentity: Sendable, Hashable {
    public var id: String
    public var member: String
    public var url: String
    public var role: String

    public init(id: String, member: String, url: String, role: String) {
        self.id = id
        self.member = member
        self.url = url
        self.role = role
    }
}
