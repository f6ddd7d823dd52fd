/// SHA-256 (FIPS 180-4), for content hashes, ETags and stable identities.
///
/// Written here because Foundation on Linux has no digest API and swift-crypto would add a
/// second BoringSSL build to every cold CI run for a few lines of use.
public struct SHA256: Sendable {
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    private static let initialState: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]

    private var state = initialState
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    public mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        // Feeds and stored items are hashed whole: take contiguous input block by block.
        if bytes.withContiguousStorageIfAvailable({ update(buffer: $0) }) == nil {
            Array(bytes).withUnsafeBufferPointer { update(buffer: $0) }
        }
    }

    public mutating func update(_ string: String) { update(string.utf8) }

    private mutating func update(buffer input: UnsafeBufferPointer<UInt8>) {
        length &+= UInt64(input.count)
        var index = 0
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, input.count)
            buffer.append(contentsOf: input[0..<take])
            index = take
            guard buffer.count == 64 else { return }
            buffer.withUnsafeBufferPointer { compress($0) }
            buffer.removeAll(keepingCapacity: true)
        }
        while input.count - index >= 64 {
            compress(UnsafeBufferPointer(rebasing: input[index..<index + 64]))
            index += 64
        }
        buffer.append(contentsOf: input[index...])
    }

    public consuming func finalize() -> [UInt8] {
        finish()
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in state {
            for shift: UInt32 in [24, 16, 8, 0] { digest.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return digest
    }

    /// Compresses the buffered rest with its padding: the state then holds the digest.
    private mutating func finish() {
        let total = length
        buffer.withUnsafeBufferPointer { rest in
            state.withUnsafeMutableBufferPointer { Self.finish(rest: rest, total: total, into: $0.baseAddress!) }
        }
    }

    private mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
        state.withUnsafeMutableBufferPointer { Self.compress(block.baseAddress!, into: $0.baseAddress!) }
    }

    /// One 64-byte block into the eight state words.
    private static func compress(_ block: UnsafePointer<UInt8>, into state: UnsafeMutablePointer<UInt32>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                w[i] =
                    UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16 | UInt32(block[4 * i + 2]) << 8
                    | UInt32(block[4 * i + 3])
            }
            for i in 16..<64 {
                let s0 = w[i - 15].rotatedRight(7) ^ w[i - 15].rotatedRight(18) ^ (w[i - 15] >> 3)
                let s1 = w[i - 2].rotatedRight(17) ^ w[i - 2].rotatedRight(19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (
                state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]
            )
            k.withUnsafeBufferPointer { k in
                for i in 0..<64 {
                    let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                }
            }
            state[0] &+= a
            state[1] &+= b
            state[2] &+= c
            state[3] &+= d
            state[4] &+= e
            state[5] &+= f
            state[6] &+= g
            state[7] &+= h
        }
    }

    /// Lower-case hex digest of contiguous bytes in one go: no hasher, no array, one String.
    /// Content hashes and identities are taken per event on every sync.
    public static func hex(_ input: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { state in
            for (i, word) in initialState.enumerated() { state[i] = word }
            let bytes = input.bindMemory(to: UInt8.self)
            let whole = bytes.count / 64 * 64
            for index in stride(from: 0, to: whole, by: 64) {
                compress(bytes.baseAddress! + index, into: state.baseAddress!)
            }
            finish(
                rest: UnsafeBufferPointer(rebasing: bytes[whole...]), total: UInt64(bytes.count),
                into: state.baseAddress!)
            return hexDigits(UnsafeBufferPointer(state))
        }
    }

    /// The last partial block (`rest`, under 64 bytes) with 0x80, zeros and the bit length of all
    /// `total` bytes: one block, or two when the rest is 56 bytes or more.
    private static func finish(
        rest: UnsafeBufferPointer<UInt8>, total: UInt64, into state: UnsafeMutablePointer<UInt32>
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
            for i in 0..<rest.count { tail[i] = rest[i] }
            tail[rest.count] = 0x80
            let blocks = rest.count < 56 ? 64 : 128
            for i in (rest.count + 1)..<blocks { tail[i] = 0 }
            let bitLength = total &* 8
            for i in 0..<8 { tail[blocks - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i)) }
            compress(tail.baseAddress!, into: state)
            if blocks == 128 { compress(tail.baseAddress! + 64, into: state) }
        }
    }

    /// The eight state words spelled as 64 lower-case hex digits.
    private static func hexDigits(_ state: UnsafeBufferPointer<UInt32>) -> String {
        String(unsafeUninitializedCapacity: 64) { out in
            let digits: StaticString = "0123456789abcdef"
            for i in 0..<32 {
                let byte = UInt8(truncatingIfNeeded: state[i / 4] >> UInt32(24 - 8 * (i % 4)))
                out[2 * i] = digits.utf8Start[Int(byte >> 4)]
                out[2 * i + 1] = digits.utf8Start[Int(byte & 0x0F)]
            }
            return 64
        }
    }

    /// Lower-case hex digest of `bytes`.
    public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ hex(UnsafeRawBufferPointer($0)) }) { return digest }
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// Finishes the hash and spells the digest in lower-case hex.
    public consuming func finalizeHex() -> String {
        finish()
        return state.withUnsafeBufferPointer(Self.hexDigits)
    }

    /// Lower-case hex digest of the UTF-8 bytes of `string`.
    public static func hex(_ string: String) -> String { hex(string.utf8) }
}

extension UInt32 {
    fileprivate func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
