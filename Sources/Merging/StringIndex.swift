/// Numbers distinct strings in the order they first come, for the merger's large look-ups (every
/// item's UID, every minted UID).
///
/// Open addressing over the strings' hashes: a probe compares 32 bits of the hash kept in one flat
/// array and reads a string only when those are equal, so equal hashes of different strings cost
/// one comparison and never a wrong answer. A `Set<String>` keeps no hashes: each occupied slot on
/// the way is a string comparison, and at 100k strings each one a cache miss. Strings are equal as
/// Swift compares them (canonical equivalence), so the hash is Swift's own.
struct StringIndex {
    /// The upper half of a hash and the number of its string side by side: a probe reads one
    /// cache line, and 8 bytes a slot keep the table small.
    private struct Slot {
        var tag: UInt32 = 0
        /// -1 for an empty slot.
        var number: Int32 = -1
    }

    private var slots: [Slot]
    /// The strings by number.
    private(set) var strings: [String] = []
    private let hash: (String) -> UInt64

    /// `hash` is there for tests, which make strings collide.
    init(capacity: Int = 0, hash: @escaping (String) -> UInt64 = { UInt64(bitPattern: Int64($0.hashValue)) }) {
        slots = [Slot](repeating: Slot(), count: Self.slotCount(for: capacity))
        strings.reserveCapacity(capacity)
        self.hash = hash
    }

    var count: Int { strings.count }

    /// The number of `string`, nil when it has none.
    func number(of string: String) -> Int? {
        let h = hash(string)
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot].number >= 0 {
            if slots[slot].tag == tag && strings[Int(slots[slot].number)] == string { return Int(slots[slot].number) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func contains(_ string: String) -> Bool { number(of: string) != nil }

    /// The number of `string`, given to it now (`inserted`) when it had none.
    @discardableResult
    mutating func insert(_ string: String) -> (number: Int, inserted: Bool) {
        if 2 * (count + 1) > slots.count { grow() }
        let h = hash(string)
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot].number >= 0 {
            if slots[slot].tag == tag && strings[Int(slots[slot].number)] == string {
                return (Int(slots[slot].number), false)
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(tag: tag, number: Int32(count))
        strings.append(string)
        return (count - 1, true)
    }

    /// At most half full: probes stay short.
    private static func slotCount(for count: Int) -> Int {
        var size = 16
        while size < 2 * count { size *= 2 }
        return size
    }

    /// Twice the slots, the strings hashed again (callers that know their size pass `capacity`).
    private mutating func grow() {
        slots = [Slot](repeating: Slot(), count: 2 * slots.count)
        let mask = slots.count - 1
        for (number, string) in strings.enumerated() {
            let h = hash(string)
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot].number >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(tag: UInt32(truncatingIfNeeded: h >> 32), number: Int32(number))
        }
    }
}
