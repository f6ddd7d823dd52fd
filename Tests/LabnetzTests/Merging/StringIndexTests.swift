import Testing

@testable import Merging

/// The merger's string look-ups number strings as a dictionary would, whether their hashes differ
/// or all collide: equal hashes are checked against the strings.
@Suite("string index")
struct StringIndexTests {
    /// Strings with many repeats, some empty, some equal only by canonical equivalence.
    static func strings(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            switch random.below(8) {
            case 0: ""
            case 1: random.below(2) == 0 ? "caf\u{E9}@hub.labnetz" : "cafe\u{301}@hub.labnetz"
            default: "uid-\(random.below(max(1, count / 2)))@lab.example"
            }
        }
    }

    @Test(arguments: [0, 1, 17, 300, 5_000])
    func numbersStringsAsADictionaryDoes(count: Int) {
        let strings = Self.strings(count: count, seed: UInt64(count) + 1)
        // Any hash that equal strings share will do, however often different ones collide.
        let collidingHashes: [(String) -> UInt64] = [{ _ in 7 }, { UInt64(bitPattern: Int64($0.hashValue)) & 3 }]
        let indexes = [StringIndex()] + collidingHashes.map { StringIndex(hash: $0) }
        for var index in indexes {
            var expected: [String: Int] = [:]
            for string in strings {
                let number = expected[string] ?? expected.count
                let isNew = expected[string] == nil
                expected[string] = number
                let got = index.insert(string)
                #expect(got.number == number)
                #expect(got.inserted == isNew)
            }
            #expect(index.count == expected.count)
            for (string, number) in expected { #expect(index.number(of: string) == number) }
            #expect(!index.contains("absent"))
            #expect(index.number(of: "uid-\(count)@lab.example") == nil)
        }
    }

    @Test func canonicallyEquivalentSpellingsAreOneString() {
        var index = StringIndex(capacity: 1)
        #expect(index.insert("caf\u{E9}").inserted)
        #expect(!index.insert("cafe\u{301}").inserted)
        #expect(index.contains("cafe\u{301}"))
    }
}
