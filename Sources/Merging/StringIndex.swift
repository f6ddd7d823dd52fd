/// Numbers distinct strings in the order they first come, for the merger's large look-ups (every
/// item's UID, every minted UID).
///
/// Open addressing over the strings' hashes: a probe compares hashes kept in one flat array and
/// reads a string only when the hashes are equal, so equal hashes of different strings cost one
/// comparison and never a wrong answer. A `Set<String>` keeps no hashes: each occupied slot on the
/// way is a string comparison, and at 100k strings each one a cache miss. Strings are equal as
/// Swift compares them (canonical equivalence), so the hash is Swift's own.
struct StringIndex {
    /// A hash and the number of its string side by side: a probe reads one cache line.
    private struct Slot {
        /// 0 for an empty slot (a hash of 0 is stored as 1).
        var hash: UInt64 = 0
        var number: Int32 = 0
    }

    private var slots: [Slot]
    /// The strings by number.
    private(set) var strings: [String] = []
    private let hash: (String) -> UInt64

    /// `hash` is there for tests, which make strings collide.
    init(capacity: Int = 0, hash: @escaping (String) -> UInt64 = { UInt64(bitPattern: Int64($0.hashValue)) }) {
        let size = Self.slotCount(for: capacity)
        slots = [Slot](repeating: Slot(), count: size)
        strings.reserveCapacity(capacity)
        self.hash = hash
    }

    var count: Int { strings.count }

    /// The number of `string`, nil when it has none.
    func number(of string: String) -> Int? {
        let h = stored(hash(string))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot].hash != 0 {
            if slots[slot].hash == h && strings[Int(slots[slot].number)] == string { return Int(slots[slot].number) }
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
        while slots[slot].hash != 0 {
            if slots[slot].hash == h && strings[Int(slots[slot].number)] == string {
                return (Int(slots[slot].number), false)
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(hash: h, number: Int32(count))
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
        let old = slots
        slots = [Slot](repeating: Slot(), count: 2 * old.count)
        let mask = slots.count - 1
        for entry in old where entry.hash != 0 {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot].hash != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
