/// Word 4-gram shingles of an article's text, for telling a re-post with a new title or a
/// shortened intro from its original without comparing every pair.
struct TextShingles: Sendable {
    /// Sorted, repeat-free 64-bit hashes of every run of four words.
    let hashes: [UInt64]

    static let width = 4
    /// Texts shorter than this many words are too generic to match by text.
    static let minimumWords = 12

    /// nil when the text is too short to say anything.
    init?(html: String) {
        let words = TextNormalizer.title(Self.stripTags(html)).split(separator: " ")
        guard words.count >= Self.minimumWords else { return nil }
        var set = Set<UInt64>()
        for start in 0...(words.count - Self.width) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for word in words[start..<(start + Self.width)] {
                for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                hash = (hash ^ 0x20) &* 0x100_0000_01b3
            }
            set.insert(hash)
        }
        hashes = set.sorted()
    }

    /// The few smallest hashes: near-identical texts share some of them, so they serve as blocking keys.
    var sketch: ArraySlice<UInt64> { hashes.prefix(8) }

    func jaccard(_ other: TextShingles) -> Double {
        let shared = sharedCount(hashes, other.hashes)
        return Double(shared) / Double(hashes.count + other.hashes.count - shared)
    }

    /// Markup out, entities as spaces: the sanitizer already made the HTML well-formed.
    static func stripTags(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        var inEntity = false
        for ch in html.unicodeScalars {
            if inTag {
                if ch == ">" { inTag = false; out.append(" ") }
            } else if inEntity {
                if ch == ";" || ch == " " { inEntity = false; out.append(" ") }
            } else if ch == "<" {
                inTag = true
            } else if ch == "&" {
                inEntity = true
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
