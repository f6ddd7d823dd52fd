/// The canonical links (`TextNormalizer.link`) of a merge's masters in one byte buffer, each with a
/// 64-bit hash, to find the links that several items share.
///
/// Links are usually an item's own. A String per link and a dictionary of all of them cost an
/// allocation and a SipHash per item and, at 100k items, lookups that miss the cache; here the
/// links are normalized as the items lie in memory, and sorting the hashes finds the shared ones.
/// Equal hashes are checked against the links themselves, so a collision never joins two links.
/// Links are ASCII almost always (hosts in punycode, paths percent-encoded); when one is not, all
/// are hashed and compared as Strings, which Swift compares by canonical equivalence.
struct LinkKeys {
    private var bytes: [UInt8] = []
    /// Where each item's link starts and ends in `bytes`; `start` is -1 when it has none.
    private var start: [Int32]
    private var end: [Int32]
    private var hashes: [UInt64]
    private var asStrings = false

    /// Masters only (items without a RECURRENCE-ID), with an http(s) link. `hash` is there for
    /// tests, which make every link collide.
    init(_ items: ItemsInOrder, hash: (ArraySlice<UInt8>) -> UInt64 = LinkKeys.fnv1a) {
        start = [Int32](repeating: -1, count: items.count)
        end = [Int32](repeating: -1, count: items.count)
        hashes = [UInt64](repeating: 0, count: items.count)
        bytes.reserveCapacity(items.count * 48)
        var buffers = TextNormalizer.LinkBuffers()
        var bytes = self.bytes
        self.bytes = []
        var ascii = true
        items.forEachInMemoryOrder { i, item in
            guard item.payload.recurrenceID == nil, let url = item.payload.url else { return }
            let from = bytes.count
            guard TextNormalizer.appendLink(url, to: &bytes, buffers: &buffers) else { return }
            start[i] = Int32(from)
            end[i] = Int32(bytes.count)
            hashes[i] = hash(bytes[from...])
            if ascii { ascii = bytes[from...].allSatisfy { $0 < 0x80 } }
        }
        self.bytes = bytes
        if !ascii {
            asStrings = true
            for i in hashes.indices {
                if let link = link(i) { hashes[i] = UInt64(bitPattern: Int64(link.hashValue)) }
            }
        }
    }

    /// The link of item `i`, nil when it has none.
    func link(_ i: Int) -> String? {
        start[i] < 0 ? nil : String(decoding: bytes[Int(start[i])..<Int(end[i])], as: UTF8.self)
    }

    /// The items of `candidates` (ascending) that share their link with another of them, grouped
    /// by link; each group ascending, the groups in no particular order.
    func shared(among candidates: [Int]) -> [(link: String, items: [Int])] {
        var entries: [(hash: UInt64, item: Int)] = []
        entries.reserveCapacity(candidates.count)
        for i in candidates where start[i] >= 0 { entries.append((hashes[i], i)) }
        entries.sort { ($0.hash, $0.item) < ($1.hash, $1.item) }
        var groups: [(link: String, items: [Int])] = []
        var first = 0
        while first < entries.count {
            var last = first + 1
            while last < entries.count && entries[last].hash == entries[first].hash { last += 1 }
            // Most links are an item's own: nothing to group, and no array for it.
            if last - first > 1 {
                var rest = entries[first..<last].map(\.item)
                while rest.count > 1 {
                    let link = rest[0]
                    let group = rest.filter { sameLink($0, link) }
                    rest.removeAll { sameLink($0, link) }
                    if group.count > 1 { groups.append((self.link(link)!, group)) }
                }
            }
            first = last
        }
        return groups
    }

    private func sameLink(_ a: Int, _ b: Int) -> Bool {
        if asStrings { return link(a) == link(b) }
        return bytes[Int(start[a])..<Int(end[a])].elementsEqual(bytes[Int(start[b])..<Int(end[b])])
    }

    /// FNV-1a: the links are short, and the hash must not change from process to process.
    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
