import Foundation

extension String {
    /// Whether Foundation's `contains(_:)` finds `needle` (ASCII, not empty), answered by
    /// comparing bytes when this string is ASCII too, as attribute values nearly always are:
    /// Foundation's search bridges to NSString on every call (a few per element), and the
    /// standard library's generic `firstRange(of:)` costs even more. Other strings still go to
    /// Foundation, whose search matches canonically equivalent text (no match ends before a
    /// combining mark).
    func containsASCII(_ needle: String) -> Bool {
        let found = withASCIIBytes { text in Self.offset(of: needle, in: text, from: 0) != nil }
        return found ?? contains(needle)
    }

    /// Foundation's `replacingOccurrences(of:with:)` for an ASCII `target` (not empty), by bytes
    /// when this string is ASCII (see `containsASCII`).
    func replacingASCII(_ target: String, with replacement: String) -> String {
        let replaced = withASCIIBytes { text -> String in
            var result: [UInt8] = []
            result.reserveCapacity(text.count)
            var start = 0
            while let found = Self.offset(of: target, in: text, from: start) {
                result += text[start..<found]
                result += replacement.utf8
                start = found + target.utf8.count
            }
            result += text[start...]
            return String(decoding: result, as: UTF8.self)
        }
        return replaced ?? replacingOccurrences(of: target, with: replacement)
    }

    /// `body` over this string's bytes, or nil when one of them is not ASCII.
    private func withASCIIBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var text = self
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? body(bytes) : nil }
    }

    /// Where `needle` first occurs in `bytes` at or after `start` (needles are a few bytes long).
    private static func offset(of needle: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let needle = needle.utf8
        guard let first = needle.first, bytes.count - start >= needle.count else { return nil }
        for i in start...(bytes.count - needle.count)
        where bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }
}
