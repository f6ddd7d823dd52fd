/// The order events are published in: by start, then UID.
///
/// Sorted as a contiguous array of small keys: most ties on the start are decided by the UIDs'
/// first eight bytes, without reaching into the strings. The keys are taken as the events are
/// made (`append`), while each UID's bytes are at hand, not read again across all events.
struct EventOrder {
    private var keys: [Key] = []

    init(capacity: Int = 0) { keys.reserveCapacity(capacity) }

    /// The next event's start and UID.
    mutating func append(start: Int, uid: String) {
        var prefix: UInt64 = 0
        var count = 0
        var ascii = true
        for byte in uid.utf8 {
            if byte >= 0x80 { ascii = false }
            if count < 8 {
                prefix = prefix << 8 | UInt64(byte)
                count += 1
            }
        }
        prefix <<= UInt64(8 * (8 - count))
        // Bytes order ASCII text as String comparison does; other text is compared as Strings.
        keys.append(Key(start: start, prefix: ascii ? prefix : nil, index: keys.count))
    }

    /// Indices of the appended events in publishing order; `uid(i)` is the UID of event `i`, read
    /// only when two events start together and their UIDs share the first eight bytes.
    func order(uid: (Int) -> String) -> [Int] {
        var keys = keys
        keys.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if let pa = a.prefix, let pb = b.prefix, pa != pb { return pa < pb }
            return uid(a.index) < uid(b.index)
        }
        return keys.map(\.index)
    }

    private struct Key {
        var start: Int
        var prefix: UInt64?
        var index: Int
    }
}

extension Array {
    /// Reorders the elements so that the element at `order[k]` ends up at position `k`, by swapping
    /// along the permutation's cycles: elements are moved in memory, never copied (no retains).
    mutating func permute(to order: [Int]) {
        var done = [Bool](repeating: false, count: count)
        withUnsafeMutableBufferPointer { elements in
            for cycleStart in elements.indices where !done[cycleStart] {
                var position = cycleStart
                done[position] = true
                while !done[order[position]] {
                    elements.swapAt(position, order[position])
                    position = order[position]
                    done[position] = true
                }
            }
        }
    }
}
