import Foundation

extension String {
    /// Leading and trailing whitespace and newlines removed, like Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, but without its per-call UTF-16 walk
    /// when the ends are ASCII, which they nearly always are in feeds.
    var trimmed: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        if first < 0x80, last < 0x80, !isSpace(first), !isSpace(last) { return self }
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
}
