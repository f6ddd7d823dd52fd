import FeedModel

/// The order the merger works in: by member, source, UID, link and item key, compared as UTF-8
/// bytes, so that clusters, leaders and UIDs never depend on the order items arrive in.
///
/// Compared in parts rather than as one key per item: member and source are ranked once per
/// source, the rest lives in one shared byte buffer and is compared by its first eight bytes
/// before the whole; no array per item, and most comparisons read two integers.
struct ItemOrder {
    /// Indices into the items, in merge order.
    let order: [Int]

    init(_ items: [SourcedItem<Event>]) {
        // Member and source, ranked: few distinct pairs, and items usually arrive source by source.
        var sourceNumber: [SourceName: Int] = [:]
        var names: [[UInt8]] = []
        var previous: (name: SourceName, number: Int)?
        var rest: [UInt8] = []
        rest.reserveCapacity(items.count * 64)
        var entries: [Entry] = []
        entries.reserveCapacity(items.count)
        for i in items.indices {
            let name = SourceName(member: items[i].ref.member, source: items[i].ref.source)
            let number: Int
            if let previous, previous.name == name {
                number = previous.number
            } else if let known = sourceNumber[name] {
                number = known
            } else {
                number = names.count
                sourceNumber[name] = number
                names.append(Array(name.member.utf8) + [0] + Array(name.source.utf8))
            }
            previous = (name, number)
            let start = rest.count
            rest.append(contentsOf: items[i].ref.uid.utf8)
            rest.append(0)
            rest.append(contentsOf: (items[i].ref.url ?? "").utf8)
            rest.append(0)
            rest.append(contentsOf: items[i].payload.itemKey.utf8)
            var prefix: UInt64 = 0
            for k in 0..<8 { prefix = prefix << 8 | UInt64(start + k < rest.count ? rest[start + k] : 0) }
            entries.append(Entry(source: number, prefix: prefix, start: start, end: rest.count, index: i))
        }
        // "member\0source" ranks; a key "m\0s\0rest" then compares as (rank, rest).
        let rankOf = names.indices.sorted { names[$0].lexicographicallyPrecedes(names[$1]) }
            .enumerated().reduce(into: [Int](repeating: 0, count: names.count)) { $0[$1.element] = $1.offset }
        for e in entries.indices { entries[e].source = rankOf[entries[e].source] }
        entries.sort { a, b in
            if a.source != b.source { return a.source < b.source }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let (x, y) = (rest[a.start..<a.end], rest[b.start..<b.end])
            if x.elementsEqual(y) { return a.index < b.index }
            return x.lexicographicallyPrecedes(y)
        }
        order = entries.map(\.index)
    }

    private struct SourceName: Hashable {
        var member: String
        var source: String
    }

    private struct Entry {
        var source: Int
        /// The first eight bytes of the rest, big-endian, zero-padded: ordered like the bytes.
        var prefix: UInt64
        var start: Int
        var end: Int
        var index: Int
    }
}
