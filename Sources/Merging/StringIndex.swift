/// Numbers distinct strings in the order they first come, for the merger's large look-ups (every
/// item's UID, every minted UID).
///
/// Open addressing over the strings' hashes: a probe compares hashes kept in one flat array and
/// reads a string only when the hashes are equal, so equal hashes of different strings cost one
/// comparison and never a wrong answer. A `Set<String>` keeps no hashes: each occupied slot on the
/// way is a string comparison, and at 100k strings each one a cache miss. Strings are equal as
/// Swift compares them (canonical equivalence), so the hash is Swift's own.
struct StringIndex {
    /// The hash in each slot, 0 for an empty slot (a hash of 0 is stored as 1).
    private var slots: [UInt64]
    /// The number of the string in each occupied slot.
    private var numbers: [Int32]
    /// The strings by number.
    private(set) var strings: [String] = []
    private let hash: (String) -> UInt64

    /// `hash` is there for tests, which make strings collide.
    init(capacity: Int = 0, hash: @escaping (String) -> UInt64 = { UInt64(bitPattern: Int64($0.hashValue)) }) {
        let size = Self.slotCount(for: capacity)
        slots = [UInt64](repeating: 0, count: size)
        numbers = [Int32](repeating: 0, count: size)
        strings.reserveCapacity(capacity)
        self.hash = hash
    }

    var count: Int { strings.count }

    /// The number of `string`, nil when it has none.
    func number(of string: String) -> Int? {
        let h = stored(hash(string))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 {
            if slots[slot] == h && strings[Int(numbers[slot])] == string { return Int(numbers[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func contains(_ string: String) -> Bool { number(of: string) != nil }

    /// The number of `string`, given to it now (`inserted`) when it had none.
    @discardableResult
    mutating func insert(_ string: String) -> (number: Int, inserted: Bool) {
        if 2 * (count + 1) > slots.count { grow() }
        let h = stored(hash(string))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 {
            if slots[slot] == h && strings[Int(numbers[slot])] == string { return (Int(numbers[slot]), false) }
            slot = (slot + 1) & mask
        }
        slots[slot] = h
        numbers[slot] = Int32(count)
        strings.append(string)
        return (count - 1, true)
    }

    private func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// At most half full: probes stay short.
    private static func slotCount(for count: Int) -> Int {
        var size = 16
        while size < 2 * count { size *= 2 }
        return size
    }

    /// Twice the slots, filled from the kept hashes: no string is hashed again.
    private mutating func grow() {
        let (oldSlots, oldNumbers) = (slots, numbers)
        slots = [UInt64](repeating: 0, count: 2 * oldSlots.count)
        numbers = [Int32](repeating: 0, count: slots.count)
        let mask = slots.count - 1
        for (h, n) in zip(oldSlots, oldNumbers) where h != 0 {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = h
            numbers[slot] = n
        }
    }
}
