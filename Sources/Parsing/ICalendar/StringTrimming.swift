/// Whitespace trimming without a round trip through Foundation's NSString, which the parser
/// would otherwise pay for on every content line.
extension StringProtocol {
    /// The text without leading and trailing whitespace (as `trimmingCharacters(in: .whitespaces)`).
    var trimmedWhitespace: String {
        let text = String(self)
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        func blank(_ s: Unicode.Scalar) -> Bool {
            s == " " || s == "\t" || (s.value > 0x7F && s.properties.isWhitespace)
        }
        if !blank(first), !blank(last) { return text }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, blank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, blank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
