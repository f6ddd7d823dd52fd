import FeedModel

/// The identity records one merge changed, each with the content to store for it.
///
/// The content of a record is the published event itself, read from the merge's events when asked
/// for, not a second copy of it: a copy of every new event retained each of its strings once more
/// and, at 100k events, doubled the memory the merge touched.
public struct MergeRecords: RandomAccessCollection, Sendable {
    public typealias Element = (record: IdentityRecord, content: MergedEvent?)

    /// Where a record's content lives.
    enum Content: Sendable {
        case none
        /// Index into `published`.
        case published(Int)
        /// Index into `unpublished`: content kept but not published (a cancelled event that is over).
        case unpublished(Int)
    }

    private(set) var records: [IdentityRecord] = []
    private(set) var contents: [Content] = []
    /// The merge's events, in the order `Content.published` indexes.
    var published: [MergedEvent] = []
    var unpublished: [MergedEvent] = []

    init() {}

    mutating func reserveCapacity(_ n: Int) {
        records.reserveCapacity(n)
        contents.reserveCapacity(n)
    }

    mutating func append(_ record: IdentityRecord, _ content: Content) {
        records.append(record)
        contents.append(content)
    }

    /// Puts the records in the order of their groups: record `k` came from group `groups[k]`, and
    /// each group gave at most one record.
    mutating func sort(byGroup groups: [Int32], groupCount: Int) {
        var recordOfGroup = [Int32](repeating: -1, count: groupCount)
        for (k, g) in groups.enumerated() { recordOfGroup[Int(g)] = Int32(k) }
        var order: [Int] = []
        order.reserveCapacity(groups.count)
        for k in recordOfGroup where k >= 0 { order.append(Int(k)) }
        records.permute(to: order)
        contents.permute(to: order)
    }

    /// After the events were reordered so that the one at `order[k]` is at `k`.
    mutating func reindex(published events: [MergedEvent], order: [Int]) {
        var position = [Int](repeating: 0, count: order.count)
        for (k, old) in order.enumerated() { position[old] = k }
        for i in contents.indices {
            if case .published(let old) = contents[i] { contents[i] = .published(position[old]) }
        }
        published = events
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(i: Int) -> Element {
        switch contents[i] {
        case .none: (records[i], nil)
        case .published(let k): (records[i], published[k])
        case .unpublished(let k): (records[i], unpublished[k])
        }
    }
}
