import Testing

@testable import Parsing

/// `AddressTable` against the dictionary keyed by address it replaced, on random keys.
@Suite struct AddressTableTests {
    struct Key: Hashable {
        var first: UInt
        var second: UInt
    }

    @Test func findsWhatADictionaryFindsUntilItStartsAfresh() {
        var rng = SeededGenerator(seed: 0xADD2)
        for round in 0..<200 {
            var table = AddressTable<Int>(capacity: 64)
            var model: [Key: Int] = [:]
            // Few distinct addresses, like a document's names, often colliding in the low bits
            // (aligned pointers); pairs often share their first address (one local name in several
            // namespaces). Every lookup is either a hit or followed by an insert.
            let paired = !round.isMultiple(of: 2)
            let pool = (0..<Int.random(in: 1...80, using: &rng)).map { _ in
                Key(
                    first: UInt.random(in: 0..<(paired ? 24 : 4096), using: &rng) << 4,
                    second: paired ? UInt.random(in: 0..<4, using: &rng) << 4 : 0)
            }
            for step in 0..<400 {
                let key = pool.randomElement(using: &rng)!
                let found = table.value(key.first, key.second)
                #expect(found == model[key], "round \(round) step \(step)")
                guard found == nil else { continue }
                if model.count == 32 { model.removeAll() }
                table.insert(step, key.first, key.second)
                model[key] = step
            }
        }
    }
}
