/// Values found by one or two addresses (libxml2's interned names), in an open-addressed table.
///
/// A lookup costs two multiplies and a compare: the SAX callbacks look up every element's and
/// attribute's name, and a dictionary keyed by a pointer paid a SipHash per lookup.
struct AddressTable<Value> {
    private var values: [Value] = []
    private var slots: [(first: UInt, second: UInt, index: Int)?]

    /// A table of `capacity` slots (a power of two), emptied whenever half of them are used.
    init(capacity: Int) {
        precondition(capacity > 1 && capacity & (capacity - 1) == 0, "capacity must be a power of two")
        slots = Array(repeating: nil, count: capacity)
    }

    /// The value kept for `first` and `second`.
    func value(_ first: UInt, _ second: UInt = 0) -> Value? {
        let mask = slots.count - 1
        var slot = Self.home(first, second) & mask
        while let known = slots[slot] {
            if known.first == first, known.second == second { return values[known.index] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Keeps `value` for `first` and `second`, which no value is kept for yet.
    mutating func insert(_ value: Value, _ first: UInt, _ second: UInt = 0) {
        if values.count == slots.count / 2 {
            // Full (documents with many distinct names read one after another): start afresh, so
            // the names of the documents being read now are the ones found.
            values.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = nil }
        }
        let mask = slots.count - 1
        var slot = Self.home(first, second) & mask
        while slots[slot] != nil { slot = (slot + 1) & mask }
        slots[slot] = (first, second, values.count)
        values.append(value)
    }

    private static func home(_ first: UInt, _ second: UInt) -> Int {
        Int(truncatingIfNeeded: ((first &* 0x9E37_79B9_7F4A_7C15) ^ (second &* 0xC2B2_AE3D_27D4_EB4F)) >> 40)
    }
}
