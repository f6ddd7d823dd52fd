import FeedModel

/// The merge's items in merge order (`ItemOrder`) without copying them: index `i` reads the
/// caller's item `order[i]` in place. A copy of 100k items would retain every string of every
/// event once more and, at ~500 bytes an item, fault in fresh pages on every merge.
struct ItemsInOrder: RandomAccessCollection, Sendable {
    let base: [SourcedItem<Event>]
    /// Index into `base` of the item at each position.
    let order: [Int]

    init(_ base: [SourcedItem<Event>]) {
        self.base = base
        order = ItemOrder(base).order
    }

    var startIndex: Int { 0 }
    var endIndex: Int { order.count }

    /// Borrows the item: reading `items[i].payload.title` copies the title, not the whole item.
    subscript(position: Int) -> SourcedItem<Event> {
        _read { yield base[order[position]] }
    }
}
