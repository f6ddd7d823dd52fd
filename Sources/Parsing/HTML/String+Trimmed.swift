import Foundation

extension String {
    /// Leading and trailing whitespace and newlines removed, like Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, but without its per-call UTF-16 walk
    /// when the ends are ASCII, which they nearly always are in feeds.
    var trimmed: String {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        // The ends looked at in the contiguous storage (no copy for native strings): the common
        // answer, "nothing to trim", without the UTF-8 view's index arithmetic.
        var copy = self
        let untouched = copy.withUTF8 { b in
            guard let first = b.first, let last = b.last else { return true }
            return first < 0x80 && last < 0x80 && !isSpace(first) && !isSpace(last)
        }
        if untouched { return self }
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        let inner = String(self[start..<end])
        // A non-ASCII end may be Unicode whitespace (U+00A0, U+3000, …): let Foundation decide.
        if let f = inner.utf8.first, let l = inner.utf8.last, f >= 0x80 || l >= 0x80 {
            return inner.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return inner
    }

    /// Blanks (not newlines) removed from both ends, like Foundation's
    /// `trimmingCharacters(in: .whitespaces)`, which is only asked when an end is a blank or not ASCII.
    var trimmedBlanks: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isBlankOrWide(_ b: UInt8) -> Bool { b >= 0x80 || b == 0x20 || b == 0x09 }
        if !isBlankOrWide(first), !isBlankOrWide(last) { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// `lowercased()`, without making a new string when there is nothing to lower (ASCII without
    /// capitals: attribute values such as `html` and `text` nearly always are).
    var lowercasedIfNeeded: String {
        utf8.allSatisfy { $0 < 0x80 && ($0 < 65 || $0 > 90) } ? self : lowercased()
    }
}
