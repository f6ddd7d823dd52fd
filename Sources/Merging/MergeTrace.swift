import FeedModel

/// Why two source items were joined: the tier that matched, or the pin that forced it.
public enum JoinReason: Sendable, Hashable {
    /// The same UID (or RSS guid) in both sources.
    case sameUID
    /// The same item-specific link, normalized.
    case sameLink(String)
    /// An override of one instance joins its series.
    case instanceOfSeries
    /// `$.dedup.pins` says they are the same event.
    case pinnedSame(note: String?)
    /// Title, time and location scored high enough.
    case scored(PairScore)
}

/// Why two items that looked alike were not joined.
public enum MissReason: Sendable, Hashable {
    /// Scored, but below a threshold.
    case belowThreshold
    /// Joining would put two items of one source into one event: a source lists an event once.
    case sameSource
    /// `$.dedup.pins` says they are different events.
    case pinnedDifferent(note: String?)
    /// The same link, but on different days: a page about several dates.
    case linkOnOtherDay(String)
}

/// One edge of the clustering, by index into the merger's sorted items.
public struct TraceEdge<Reason: Sendable & Hashable>: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var reason: Reason
    /// The feature scores, when the pair was scored.
    public var score: PairScore?
}

/// Every join and near miss of one merge, for `labnetz explain`.
public struct MergeTrace: Sendable {
    /// The merged items, read in the merger's sorted order without a copy of them.
    let ordered: ItemsInOrder
    /// Item keys (`sourceID/itemKey`) by index, the form pins use.
    public var itemKeys: [String]
    public var joins: [TraceEdge<JoinReason>] = []
    public var nearMisses: [TraceEdge<MissReason>] = []

    init(items: ItemsInOrder, itemKeys: [String]) {
        ordered = items
        self.itemKeys = itemKeys
    }

    /// The item at index `i` of the merger's sorted order: what the indices of the edges point at.
    public func item(_ i: Int) -> SourcedItem<Event> { ordered[i] }

    /// All items in the merger's sorted order (a copy; `item(_:)` reads one).
    public var items: [SourcedItem<Event>] { Array(ordered) }
}
