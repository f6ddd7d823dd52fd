/// Reads RFC 822/1123 dates and the sloppy variants feeds write: optional weekday, optional
/// seconds, one-digit days, two-digit years, named zones and German month names.
struct RFC822DateScanner {
    private let b: [UInt8]

    init(_ bytes: [UInt8]) { b = bytes }

    func scan() -> FeedDate.Fields? {
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (Int, Int, Int)?
        var offset: Int?
        for token in tokens() {
            if token.contains(UInt8(ascii: ":")), time == nil, let first = token.first, FeedDate.isDigit(first) {
                guard let (t, trailing) = Self.time(token) else { return nil }
                time = t
                if let trailing { offset = trailing }
            } else if token.allSatisfy(FeedDate.isDigit) {
                guard token.count <= 4, !token.isEmpty else { return nil }
                let v = token.reduce(0) { $0 * 10 + Int($1 - 48) }
                if token.count >= 3 {
                    guard year == nil else { return nil }
                    year = token.count == 3 ? v + 1900 : v
                } else if day == nil {
                    day = v
                } else if year == nil {
                    // RFC 2822 §4.3: two-digit years below 50 are 20xx.
                    year = v < 50 ? 2000 + v : 1900 + v
                } else {
                    return nil
                }
            } else if let first = token.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                guard let o = Self.numericOffset(token.dropFirst(), negative: first == UInt8(ascii: "-"))
                else { return nil }
                offset = o
            } else if let word = Self.asciiWord(token) {
                // Month, weekday and zone names are short ASCII words: matched as packed bytes.
                if month == nil, let m = Self.month(packed: word.code, count: word.count) {
                    month = m
                } else if let o = Self.zoneOffset(packed: word.code) {
                    offset = o
                }
            } else {
                let word = String(decoding: token, as: UTF8.self).lowercased()
                if month == nil, let m = Self.month(word) {
                    month = m
                } else if let o = Self.zoneOffset(word) {
                    offset = o
                }
                // Weekdays and unknown words carry nothing we need.
            }
        }
        guard let day, let month, let year else { return nil }
        var f = FeedDate.Fields(year: year, month: month, day: day)
        if let (h, m, s) = time {
            f.hour = h
            f.minute = m
            f.second = s
            f.hasTime = true
        }
        f.offset = offset ?? 0
        return f
    }

    /// Splits on blanks and commas; `07-Jun-2025` splits on its dashes too. Read one token at a
    /// time: an array of tokens per date was a fifth of the date's cost.
    private func tokens() -> Tokens { Tokens(b: b) }

    struct Tokens: Sequence, IteratorProtocol {
        let b: [UInt8]
        private var position = 0
        /// What is left of a token being split on its dashes.
        private var dashed: ArraySlice<UInt8>?

        init(b: [UInt8]) { self.b = b }

        mutating func next() -> ArraySlice<UInt8>? {
            if let piece = nextPiece() { return piece }
            while position < b.count {
                var end = position
                while end < b.count, b[end] != 32, b[end] != 44, b[end] != 9 { end += 1 }
                let t = b[position..<end]
                position = end + 1
                guard !t.isEmpty else { continue }
                let hasLetter = t.contains { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 || $0 >= 0x80 }
                if hasLetter, t.dropFirst().contains(UInt8(ascii: "-")), !t.starts(with: "GMT".utf8),
                    !t.starts(with: "UT".utf8)
                {
                    dashed = t
                    if let piece = nextPiece() { return piece }
                    continue
                }
                return t
            }
            return nil
        }

        /// The next non-empty run between dashes of `dashed`, as `split(separator:)` gives them.
        private mutating func nextPiece() -> ArraySlice<UInt8>? {
            guard var rest = dashed else { return nil }
            while rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard !rest.isEmpty else {
                dashed = nil
                return nil
            }
            let end = rest.firstIndex(of: UInt8(ascii: "-")) ?? rest.endIndex
            dashed = rest[end...]
            return rest[..<end]
        }
    }

    private static func time(_ t: ArraySlice<UInt8>) -> ((Int, Int, Int), Int?)? {
        // At most hours, minutes, seconds: kept in a tuple, not an array per date.
        var parts = (0, 0, 0)
        var count = 0
        var value = 0
        var digits = 0
        var idx = t.startIndex
        while idx < t.endIndex {
            let c = t[idx]
            if FeedDate.isDigit(c) {
                guard digits < 2 else { return nil }
                value = value * 10 + Int(c - 48)
                digits += 1
            } else if c == UInt8(ascii: ":") {
                guard digits > 0, count < 2 else { return nil }
                if count == 0 { parts.0 = value } else { parts.1 = value }
                count += 1
                value = 0
                digits = 0
            } else {
                break
            }
            idx += 1
        }
        guard digits > 0 else { return nil }
        guard count >= 1 else { return nil }
        if count == 1 { parts.1 = value } else { parts.2 = value }
        var trailing: Int?
        if idx < t.endIndex {
            // `08:00:00Z` or `08:00+0200` glued to the time.
            let rest = t[idx...]
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") {
                guard let o = numericOffset(rest.dropFirst(), negative: rest.first == UInt8(ascii: "-"))
                else { return nil }
                trailing = o
            } else {
                guard let o = zoneOffset(String(decoding: rest, as: UTF8.self).lowercased()) else { return nil }
                trailing = o
            }
        }
        return (parts, trailing)
    }

    /// `0200`, `02:00` or `02` after the sign: two to four digits, colons ignored.
    private static func numericOffset<Digits: Collection<UInt8>>(_ d: Digits, negative: Bool) -> Int? {
        var v = 0
        var count = 0
        for b in d where b != UInt8(ascii: ":") {
            guard FeedDate.isDigit(b), count < 4 else { return nil }
            v = v * 10 + Int(b - 48)
            count += 1
        }
        guard count >= 2 else { return nil }
        let (h, m) = count <= 2 ? (v, 0) : (v / 100, v % 100)
        guard m < 60 else { return nil }
        let seconds = h * 3600 + m * 60
        return negative ? -seconds : seconds
    }

    /// A token of ASCII letters only, lower-cased and packed (at most the first 8 letters; `count`
    /// is the whole length); nil for any other token.
    private static func asciiWord(_ token: ArraySlice<UInt8>) -> (code: UInt64, count: Int)? {
        var code: UInt64 = 0
        var n = 0
        for b in token {
            let lower = b | 0x20
            guard lower >= 97, lower <= 122 else { return nil }
            if n < 8 { code = code << 8 | UInt64(lower) }
            n += 1
        }
        return n == 0 ? nil : (code, n)
    }

    /// `month` for a packed ASCII word: its first three letters decide.
    private static func month(packed code: UInt64, count: Int) -> Int? {
        guard count >= 3 else { return nil }
        let first3 = count > 8 ? code >> 40 : code >> (8 * UInt64(count - 3))
        // A switch over the packed names (compared, not hashed as a dictionary key would be).
        switch first3 {
        case 0x6A_616E: return 1  // jan
        case 0x66_6562: return 2  // feb
        case 0x6D_6172, 0x6D_727A: return 3  // mar mrz
        case 0x61_7072: return 4  // apr
        case 0x6D_6179, 0x6D_6169: return 5  // may mai
        case 0x6A_756E: return 6  // jun
        case 0x6A_756C: return 7  // jul
        case 0x61_7567: return 8  // aug
        case 0x73_6570: return 9  // sep
        case 0x6F_6374, 0x6F_6B74: return 10  // oct okt
        case 0x6E_6F76: return 11  // nov
        case 0x64_6563, 0x64_657A: return 12  // dec dez
        default: return nil
        }
    }

    /// `zoneOffset` for a packed word of letters only (which `GMT+1` and the like never are).
    private static func zoneOffset(packed code: UInt64) -> Int? {
        switch code {
        case 0x70_7374: return -8 * 3600  // pst
        case 0x6D_7374, 0x70_6474: return -7 * 3600  // mst pdt
        case 0x63_7374, 0x6D_6474: return -6 * 3600  // cst mdt
        case 0x65_7374, 0x63_6474: return -5 * 3600  // est cdt
        case 0x65_6474: return -4 * 3600  // edt
        case 0x67_6D74, 0x7574, 0x75_7463, 0x7A, 0x77_6574: return 0  // gmt ut utc z wet
        case 0x63_6574, 0x6D_657A, 0x7765_7374, 0x62_7374: return 1 * 3600  // cet mez west bst
        case 0x6365_7374, 0x6D65_737A, 0x65_6574: return 2 * 3600  // cest mesz eet
        case 0x6565_7374: return 3 * 3600  // eest
        default: return nil
        }
    }

    static func month(_ word: String) -> Int? {
        switch word.prefix(3) {
        case "jan": return 1
        case "feb": return 2
        case "mar", "mär", "mrz": return 3
        case "apr": return 4
        case "may", "mai": return 5
        case "jun": return 6
        case "jul": return 7
        case "aug": return 8
        case "sep": return 9
        case "oct", "okt": return 10
        case "nov": return 11
        case "dec", "dez": return 12
        default: return nil
        }
    }

    /// Seconds east of UTC for a zone name (case-insensitive), `GMT+01:00` included.
    static func zoneOffset(_ name: String) -> Int? {
        let word = name.lowercased()
        switch word {
        case "gmt", "ut", "utc", "z", "wet": return 0
        case "est": return -5 * 3600
        case "edt": return -4 * 3600
        case "cst": return -6 * 3600
        case "cdt": return -5 * 3600
        case "mst": return -7 * 3600
        case "mdt": return -6 * 3600
        case "pst": return -8 * 3600
        case "pdt": return -7 * 3600
        case "cet", "mez", "west", "bst": return 3600
        case "cest", "mesz", "eet": return 2 * 3600
        case "eest": return 3 * 3600
        default: break
        }
        for prefix in ["gmt", "utc", "ut"] where word.hasPrefix(prefix) {
            let rest = Array(word.utf8.dropFirst(prefix.utf8.count))
            guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            return numericOffset(Array(rest.dropFirst()), negative: sign == UInt8(ascii: "-"))
        }
        return nil
    }
}
