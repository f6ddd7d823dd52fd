import FeedModel
import Foundation

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
    public var records: MergeRecords
    /// The clusters as index groups into `trace.itemKeys`, with the UID each got.
    public var clusters: [(uid: String, items: [Int])]
    public var trace: MergeTrace
}
