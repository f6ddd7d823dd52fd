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

    /// Per slot: the tag's bytes, then its output. Raw memory rather than arrays: a lookup is
    /// then free of the arrays' bounds checks and of the class's run-time exclusivity checks.
    private let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * stride)
    /// Per slot: key length (0 for an empty slot), output length, tag index.
    private let lengths = UnsafeMutablePointer<Int>.allocate(capacity: slotCount * 3)
    private var baseURL: String?

    init() { lengths.initialize(repeating: 0, count: Self.slotCount * 3) }

    deinit {
        storage.deallocate()
        lengths.deallocate()
    }

    /// Makes the cache hold only tags read against `baseURL`.
    func prepare(baseURL: String?) {
        guard baseURL != self.baseURL else { return }
        self.baseURL = baseURL
        lengths.update(repeating: 0, count: Self.slotCount * 3)
    }

    /// The cached start tag whose `<` is at `start`: its index in `SimpleHTMLTag.all`, its output
    /// and the position after its `>`. The key runs to the first `>`: a stored tag has no other.
    func lookup(tagAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
        index: Int, output: UnsafeBufferPointer<UInt8>, end: Int
    )? {
        guard let base = bytes.baseAddress, start < bytes.count,
            let hit = memchr(base + start, Int32(UInt8(ascii: ">")), min(bytes.count - start, Self.keyLimit))
        else { return nil }
        let count = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1 - start
        let key = UnsafeBufferPointer(start: base + start, count: count)
        let slot = Self.slot(of: key)
        guard lengths[3 * slot] == count, memcmp(storage + slot * Self.stride, base + start, count) == 0 else {
            return nil
        }
        let output = storage + slot * Self.stride + Self.keyLimit
        return (lengths[3 * slot + 2], UnsafeBufferPointer(start: output, count: lengths[3 * slot + 1]), start + count)
    }

    /// Keeps the start tag `key` (from `<` to `>`) with its tag index and output, when both fit.
    func remember(_ key: UnsafeBufferPointer<UInt8>, index: Int, output: UnsafeBufferPointer<UInt8>) {
        guard let keyBase = key.baseAddress, let outputBase = output.baseAddress, key.count <= Self.keyLimit,
            output.count <= Self.outputLimit, !key.dropLast().contains(UInt8(ascii: ">"))
        else { return }
        let slot = Self.slot(of: key)
        (storage + slot * Self.stride).update(from: keyBase, count: key.count)
        (storage + slot * Self.stride + Self.keyLimit).update(from: outputBase, count: output.count)
        lengths[3 * slot] = key.count
        lengths[3 * slot + 1] = output.count
        lengths[3 * slot + 2] = index
    }

    /// A hash of the tag's bytes, eight at a time (a multiply per byte cost as much as the parse
    /// it saves), folded to a slot.
    private static func slot(of key: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawPointer(key.baseAddress!)
        var hash = UInt64(key.count)
        var at = 0
        while at + 8 <= key.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            at += 8
        }
        var tail: UInt64 = 0
        while at < key.count {
            tail = tail << 8 | UInt64(key[at])
            at += 1
        }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: hash >> 58) & (slotCount - 1)
    }
}
