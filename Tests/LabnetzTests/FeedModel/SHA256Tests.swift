import Foundation
import Testing

@testable import FeedModel

@Suite("SHA-256")
struct SHA256Tests {
    /// FIPS 180-4 / NIST CAVS known answers, including both padding boundaries (55 and 56+ bytes).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func knownAnswers(_ input: String, _ digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func aMillionAsInUnevenPiecesGiveTheNISTDigest() {
        var hasher = SHA256()
        var fed = 0
        var piece = 1
        while fed < 1_000_000 {
            let count = min(piece, 1_000_000 - fed)
            hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: count))
            fed += count
            piece = piece * 3 % 997 + 1
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func contiguousAndElementwiseInputAgree() {
        var generator = SplitMix64(seed: 42)
        let bytes = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(SHA256.hex(bytes) == SHA256.hex(bytes.lazy.map { $0 }))
        #expect(SHA256.hex(bytes) == SHA256.hex(Data(bytes)))
    }

    @Test func oneShotAndIncrementalHashingAgreeAtEveryPaddingBoundary() {
        // Lengths around 55/56 and 64 bytes decide whether the padding takes one block or two.
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<200).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for count in 0...bytes.count {
            let input = Array(bytes[..<count])
            var hasher = SHA256()
            hasher.update(input.lazy.map { $0 })
            #expect(input.withUnsafeBytes { SHA256.hex($0) } == hasher.finalizeHex(), "\(count) bytes")
        }
    }
}
