import Foundation

extension String {
    /// Leading and trailing whitespace and newlines removed, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` removes them, but without its UTF-16 walk
    /// and copies (that was a tenth of reading a small feed whose text ends in a non-ASCII letter).
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
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isWhitespaceOrNewline(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start, Self.isWhitespaceOrNewline(scalars[scalars.index(before: end)]) {
            scalars.formIndex(before: &end)
        }
        return String(scalars[start..<end])
    }

    /// Membership in Foundation's `CharacterSet.whitespacesAndNewlines`: the Unicode separators
    /// (categories Zs, Zl, Zp), tab to carriage return, NEL (U+0085), and ZERO WIDTH SPACE
    /// (U+200B), still a separator in the Unicode version of Foundation's table.
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0x200B: return true
        case 0..<0xA0: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
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
