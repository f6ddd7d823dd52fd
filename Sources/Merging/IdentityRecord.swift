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

/// Everything earlier syncs decided about identities, as the store hands it to the merger.
public struct IdentityBook: Sendable {
    /// Source item key (`SourceItemRef.key`) → merged UID.
    public var assignments: [String: String]
    /// Merged UID → its record.
    public var records: [String: IdentityRecord]
    /// The last published content of a UID; asked only for UIDs whose sources all left.
    public var publishedContent: @Sendable (String) -> MergedEvent?

    public init(
        assignments: [String: String] = [:], records: [String: IdentityRecord] = [:],
        publishedContent: @escaping @Sendable (String) -> MergedEvent? = { _ in nil }
    ) {
        self.assignments = assignments
        self.records = records
        self.publishedContent = publishedContent
    }
}

/// What one merge produced: the events to publish and the identity changes to store.
public struct EventMergeResult: Sendable {
    /// Sorted by start, then UID.
    public var events: [MergedEvent]
    /// Only new or moved assignments.
    public var assignments: [String: String]
    /// Only new or changed records, with the content to keep for each (nil for alias and removed).
    public var records: [(record: IdentityRecord, content: MergedEvent?)]
    /// The clusters as index groups into `trace.itemKeys`, with the UID each got.
    public var clusters: [(uid: String, items: [Int])]
    public var trace: MergeTrace
}
