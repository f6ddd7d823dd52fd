/// One element `SimpleHTMLSanitizer` may keep: its name, its kept attributes and where libxml2's
/// HTML parser leaves it in place (rather than closing the open element first). Names are
/// matched as packed bytes, so scanning a tag needs no string and no hashing.
struct SimpleHTMLTag: Sendable {
    enum Place: Sendable {
        /// Phrasing content: inside any kept element (a link not inside another link).
        case anywhere
        /// A block: only directly inside `body` or another element that holds blocks.
        case inFlow
        /// Only directly inside one of these, by packed name (`li` in `ul`/`ol`, …).
        case inside([UInt128])
    }

    let name: String
    /// `<name` and `</name>` as bytes: appended as arrays, not through a string's UTF-8 view.
    let startBytes: [UInt8]
    let endBytes: [UInt8]
    let code: UInt128
    let place: Place
    let isVoid: Bool
    /// Whether blocks may open directly inside it.
    let holdsBlocks: Bool
    /// Its kept attributes, by packed name.
    let attributes: [(code: UInt128, name: String)]

    static let phrasing = [
        "a", "em", "strong", "b", "i", "u", "code", "span", "sub", "sup", "small", "s", "del", "ins", "abbr", "cite",
        "q", "kbd", "samp", "var", "tt", "big", "strike", "br", "img",
    ]
    static let blocks = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "div", "ul", "ol", "dl", "figure", "address",
        "hr",
    ]
    static let parents: [String: Set<String>] = [
        "li": ["ul", "ol"], "dt": ["dl"], "dd": ["dl"], "figcaption": ["figure"],
    ]
    static let flow: Set<String> = ["div", "blockquote", "li", "dd", "figure"]

    /// Every element the fast path handles; tables and anything else are left to the parser.
    static let all: [SimpleHTMLTag] = {
        func tag(_ name: String, _ place: Place) -> SimpleHTMLTag {
            let kept = (SanitizingWriter.allowed[name] ?? []).sorted()
            return SimpleHTMLTag(
                name: name, startBytes: Array("<\(name)".utf8), endBytes: Array("</\(name)>".utf8),
                code: pack(name.utf8)!, place: place, isVoid: SanitizingWriter.void.contains(name),
                holdsBlocks: flow.contains(name), attributes: kept.map { (pack($0.utf8)!, $0) })
        }
        return phrasing.map { tag($0, .anywhere) } + blocks.map { tag($0, .inFlow) }
            + parents.sorted { $0.key < $1.key }.map { tag($0.key, .inside($0.value.map { pack($0.utf8)! })) }
    }()

    /// The index of `a`, which may not nest.
    static let link = index(of: pack("a".utf8)!)!

    /// The index in `all` of the element with packed name `code`.
    static func index(of code: UInt128) -> Int? {
        guard let letter = firstLetter(of: code) else { return nil }
        for entry in byFirstLetter[letter] where entry.code == code { return entry.index }
        return nil
    }

    /// `all`'s codes and indices by first letter (a–z): a lookup compares a handful of codes, not all.
    private static let byFirstLetter: [[(code: UInt128, index: Int)]] = {
        var table = [[(code: UInt128, index: Int)]](repeating: [], count: 26)
        for (index, tag) in all.enumerated() {
            if let letter = firstLetter(of: tag.code) { table[letter].append((tag.code, index)) }
        }
        return table
    }()

    /// The first letter of a packed name as 0–25, or nil when it does not start with a–z.
    private static func firstLetter(of code: UInt128) -> Int? {
        guard code != 0 else { return nil }
        let length = (135 - code.leadingZeroBitCount) / 8
        let first = Int(truncatingIfNeeded: code >> (8 * UInt128(length - 1))) & 0xFF
        return first >= 97 && first <= 122 ? first - 97 : nil
    }

    /// A name of letters, digits and hyphens, lower-cased and packed into 16 bytes; nil when longer.
    static func pack<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt128? {
        guard bytes.count <= 16 else { return nil }
        var code: UInt128 = 0
        for b in bytes {
            let lower = b >= 65 && b <= 90 ? b | 0x20 : b
            code = code << 8 | UInt128(lower)
        }
        return code
    }

    /// Whether libxml2 keeps element `child` inside the open elements `open` (indices in `all`,
    /// -1 for `body`) as they are: the rule the tests check against the parser.
    static func fits(_ child: Int, in open: [Int]) -> Bool {
        let parent = open[open.count - 1]
        switch all[child].place {
        case .anywhere:
            return child != link || !open.contains(link)
        case .inFlow:
            return parent < 0 || all[parent].holdsBlocks
        case .inside(let parents):
            return parent >= 0 && parents.contains(all[parent].code)
        }
    }
}
