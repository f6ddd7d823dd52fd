import FeedModel

/// The merge's items in merge order (`ItemOrder`) without copying them: index `i` reads the
/// caller's item `order[i]` in place. A copy of 100k items would retain every string of every
/// event once more and, at ~500 bytes an item, fault in fresh pages on every merge.
struct ItemsInOrder: RandomAccessCollection, Sendable {
    let base: [SourcedItem<Event>]
    /// Index into `base` of the item at each position.
    let order: [Int]
    /// Position of each item of `base`: the inverse of `order`.
    let position: [Int]

    init(_ base: [SourcedItem<Event>]) {
        self.base = base
        order = ItemOrder(base).order
        var position = [Int](repeating: 0, count: order.count)
        for (i, j) in order.enumerated() { position[j] = i }
        self.position = position
    }

    /// Calls `body` with each item and its position, in the order of `base`. For work whose result
    /// does not depend on the order it is done in: the caller's items (and their strings, made in
    /// the same order) are read front to back instead of in the jumps of the merge order.
    func forEachInMemoryOrder(_ body: (_ position: Int, _ item: borrowing SourcedItem<Event>) -> Void) {
        base.withUnsafeBufferPointer { base in
            for j in base.indices { body(position[j], base[j]) }
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { order.count }

    /// Borrows the item: reading `items[i].payload.title` copies the title, not the whole item.
    subscript(position: Int) -> SourcedItem<Event> {
        _read { yield base[order[position]] }
    }
}
