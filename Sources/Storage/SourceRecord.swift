import Foundation

/// How the last sync of a source ended.
public enum SourceState: String, Sendable, Codable, Hashable {
    /// Never synced.
    case new
    /// Fetched and parsed; items replaced.
    case ok
    /// Not modified since the last sync (HTTP 304 or the same bytes); items kept.
    case unchanged
    /// Fetching or parsing failed; the last good items are kept.
    case failed
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
