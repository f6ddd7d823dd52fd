import Foundation

/// What became of a UID the hub has published.
public enum IdentityState: String, Sendable, Codable, Hashable {
    /// Published: at least one source carries the event.
    case live
    /// Every source dropped it: published as cancelled until its start has passed.
    case orphaned
    /// Its cluster joined another one; `aliasOf` names the survivor. Never published again.
    case alias
    /// Orphaned and past: no longer published. The UID is never given to another event.
    case removed
}

/// The stored life of one merged UID: its state, and the SEQUENCE and LAST-MODIFIED of its content.
public struct IdentityRecord: Sendable, Hashable {
    public var uid: String
    public var state: IdentityState
    public var aliasOf: String?
    /// `MergedEvent.contentHash` of what was last published under this UID.
    public var contentHash: String
    public var sequence: Int
    public var lastModified: Date
    /// When the UID was minted (CREATED).
    public var created: Date

    public init(
        uid: String, state: IdentityState, aliasOf: String? = nil, contentHash: String, sequence: Int,
        lastModified: Date, created: Date
    ) {
        self.uid = uid
        self.state = state
        self.aliasOf = aliasOf
        self.contentHash = contentHash
        self.sequence = sequence
        self.lastModified = lastModified
        self.created = created
    }
}
