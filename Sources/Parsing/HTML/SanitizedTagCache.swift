import Foundation

/// Start tags the fast sanitizer has read, with what it wrote for them. Feeds repeat the same
/// few tags in every item (`<p>`, `<a href="/anmeldung">`): read again, such a tag costs a hash
/// and a compare instead of a parse, attribute checks and URL resolution. What a start tag
/// becomes depends only on its bytes and the base URL (whether it may open where it stands is
/// still checked on every use), so the cache is emptied when the base URL changes.
final class SanitizedTagCache {
    private static let slotCount = 64
    private static let keyLimit = 64
    private static let outputLimit = 192
    private static let stride = keyLimit + outputLimit

    /// Per slot: the tag's bytes, then its output; a key length of 0 is an empty slot.
    private let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * stride)
    private var keyLengths = [Int](repeating: 0, count: slotCount)
    private var outputLengths = [Int](repeating: 0, count: slotCount)
    private var indices = [Int](repeating: 0, count: slotCount)
    private var baseURL: String?

    deinit { storage.deallocate() }

    /// Makes the cache hold only tags read against `baseURL`.
    func prepare(baseURL: String?) {
        guard baseURL != self.baseURL else { return }
        self.baseURL = baseURL
        for slot in 0..<Self.slotCount { keyLengths[slot] = 0 }
    }

    /// The cached start tag whose `<` is at `start`: its index in `SimpleHTMLTag.all`, its output
    /// and the position after its `>`. The key runs to the first `>`: a stored tag has no other.
    func lookup(tagAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
        index: Int, output: UnsafeBufferPointer<UInt8>, end: Int
    )? {
        let limit = min(bytes.count, start + Self.keyLimit)
        var close = start + 1
        while close < limit, bytes[close] != UInt8(ascii: ">") { close += 1 }
        guard close < limit, let base = bytes.baseAddress else { return nil }
        let key = UnsafeBufferPointer(start: base + start, count: close + 1 - start)
        let slot = Self.slot(of: key)
        guard keyLengths[slot] == key.count, memcmp(storage + slot * Self.stride, key.baseAddress!, key.count) == 0
        else { return nil }
        let output = storage + slot * Self.stride + Self.keyLimit
        return (indices[slot], UnsafeBufferPointer(start: output, count: outputLengths[slot]), close + 1)
    }

    /// Keeps the start tag `key` (from `<` to `>`) with its tag index and output, when both fit.
    func remember(_ key: UnsafeBufferPointer<UInt8>, index: Int, output: UnsafeBufferPointer<UInt8>) {
        guard let keyBase = key.baseAddress, let outputBase = output.baseAddress, key.count <= Self.keyLimit,
            output.count <= Self.outputLimit, !key.dropLast().contains(UInt8(ascii: ">"))
        else { return }
        let slot = Self.slot(of: key)
        (storage + slot * Self.stride).update(from: keyBase, count: key.count)
        (storage + slot * Self.stride + Self.keyLimit).update(from: outputBase, count: output.count)
        keyLengths[slot] = key.count
        outputLengths[slot] = output.count
        indices[slot] = index
    }

    /// FNV-1a over the tag's bytes, folded to a slot.
    private static func slot(of key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ hash >> 32) & (slotCount - 1)
    }
}
