import CLibXML2

/// Rewrites HTML named entities (`&nbsp;`, `&eacute;`) that a feed uses without declaring them
/// into numeric references, so the XML reader does not stop at the first one.
///
/// libxml2's reader has no hook to supply undeclared entities and treats them as fatal; real
/// feeds use them all the time. Only ASCII-compatible encodings are rewritten: the bytes of
/// `&name;` are the same there, and a numeric reference is pure ASCII.
enum HTMLEntityPrepass {
    struct Outcome {
        var bytes: [UInt8]
        /// Distinct entity names that were rewritten, in first-seen order.
        var names: [String]
        /// `&` that start no reference (`?a=1&b=2`, `&madeup;`), kept as literal text.
        var bareAmpersands: Int
        /// 1-based line of the first rewrite.
        var firstLine: Int?
    }

    static let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// Nil when nothing needed rewriting (the common case), so callers keep the original bytes.
    static func rewrite(_ input: [UInt8]) -> Outcome? {
        guard asciiCompatible(input), input.contains(UInt8(ascii: "&")) else { return nil }
        let declared = declaredEntities(input)
        var out: [UInt8] = []
        var names: [String] = []
        var bare = 0
        var firstLine: Int?
        var line = 1
        var copied = 0
        var i = 0
        let n = input.count
        while i < n {
            let c = input[i]
            if c == 10 {
                line += 1
                i += 1
            } else if c == UInt8(ascii: "<"), let skip = skipOpaque(input, at: i) {
                // Text inside CDATA and comments is literal: `&nbsp;` there is just text.
                for k in i..<skip where input[k] == 10 { line += 1 }
                i = skip
            } else if c == UInt8(ascii: "&") {
                var replacement: [UInt8]?
                var end = i + 1
                if let (name, nameEnd) = entityName(input, at: i) {
                    if predefined.contains(name) || declared.contains(name) {
                        end = nameEnd
                    } else if let code = htmlCodePoint(name) {
                        replacement = Array("&#\(code);".utf8)
                        end = nameEnd
                        if !names.contains(name) { names.append(name) }
                    } else {
                        // Neither XML's nor HTML's: the text as written, as feed readers show it.
                        replacement = Array("&amp;".utf8)
                        bare += 1
                    }
                } else if let (fixed, refEnd) = characterReference(input, at: i) {
                    replacement = fixed
                    end = refEnd
                } else {
                    // A bare `&` (`?a=1&b=2`): a literal ampersand.
                    replacement = Array("&amp;".utf8)
                    bare += 1
                }
                if let replacement {
                    if out.isEmpty { out.reserveCapacity(n + 64) }
                    out.append(contentsOf: input[copied..<i])
                    out.append(contentsOf: replacement)
                    copied = end
                    if firstLine == nil { firstLine = line }
                }
                i = end
            } else {
                i += 1
            }
        }
        guard copied > 0 else { return nil }
        out.append(contentsOf: input[copied..<n])
        return Outcome(bytes: out, names: names, bareAmpersands: bare, firstLine: firstLine)
    }

    /// A numeric character reference at `i`: nil when it is none (a bare `&`), else the
    /// replacement (nil when it is fine as written; `&#X41;`, HTML-only, becomes `&#x41;`) and its end.
    private static func characterReference(_ b: [UInt8], at i: Int) -> ([UInt8]?, Int)? {
        guard i + 3 < b.count, b[i + 1] == UInt8(ascii: "#") else { return nil }
        var k = i + 2
        let hex = b[k] == UInt8(ascii: "x") || b[k] == UInt8(ascii: "X")
        if hex { k += 1 }
        let digitsStart = k
        while k < b.count, k - digitsStart < 10 {
            let c = b[k]
            let isDigit = c >= 48 && c <= 57
            let isHex = isDigit || ((c | 0x20) >= 97 && (c | 0x20) <= 102)
            guard hex ? isHex : isDigit else { break }
            k += 1
        }
        guard k > digitsStart, k < b.count, b[k] == UInt8(ascii: ";") else { return nil }
        if hex, b[i + 2] == UInt8(ascii: "X") {
            return (Array("&#x".utf8) + Array(b[digitsStart...k]), k + 1)
        }
        return (nil, k + 1)
    }

    /// False for UTF-16/32 and EBCDIC, where an ASCII scan would misread the bytes.
    private static func asciiCompatible(_ b: [UInt8]) -> Bool {
        let head = b.prefix(4)
        if head.contains(0) { return false }
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) { return false }
        if head.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) { return false }
        return true
    }

    /// End index of a CDATA section or comment starting at `i`, or nil if none starts there.
    private static func skipOpaque(_ b: [UInt8], at i: Int) -> Int? {
        let cdata = Array("<![CDATA[".utf8)
        let comment = Array("<!--".utf8)
        let closer: [UInt8]
        if b[i...].starts(with: cdata) {
            closer = Array("]]>".utf8)
        } else if b[i...].starts(with: comment) {
            closer = Array("-->".utf8)
        } else {
            return nil
        }
        var k = i + 4
        while k + closer.count <= b.count {
            if b[k] == closer[0], b[k..<k + closer.count].elementsEqual(closer) { return k + closer.count }
            k += 1
        }
        return b.count
    }

    private static func entityName(_ b: [UInt8], at i: Int) -> (String, Int)? {
        var k = i + 1
        while k < b.count, k - i <= 32 {
            let c = b[k]
            let alnum = (c | 0x20 >= 97 && c | 0x20 <= 122) || (c >= 48 && c <= 57)
            if c == UInt8(ascii: ";") {
                guard k > i + 1 else { return nil }
                return (String(decoding: b[(i + 1)..<k], as: UTF8.self), k + 1)
            }
            guard alnum else { return nil }
            k += 1
        }
        return nil
    }

    private static func htmlCodePoint(_ name: String) -> UInt32? {
        guard let first = name.utf8.first, (first | 0x20) >= 97, (first | 0x20) <= 122 else { return nil }
        return name.withCString { ptr -> UInt32? in
            guard let desc = htmlEntityLookup(UnsafeRawPointer(ptr).assumingMemoryBound(to: xmlChar.self)) else {
                return nil
            }
            return UInt32(desc.pointee.value)
        }
    }

    /// Names declared with `<!ENTITY name …>` in an internal subset: those are the document's own.
    private static func declaredEntities(_ b: [UInt8]) -> Set<String> {
        let marker = Array("<!ENTITY".utf8)
        var names: Set<String> = []
        var i = 0
        while i + marker.count < b.count {
            if b[i] == marker[0], b[i..<i + marker.count].elementsEqual(marker) {
                var k = i + marker.count
                while k < b.count, b[k] == 32 || b[k] == 9 || b[k] == 10 || b[k] == 13 || b[k] == UInt8(ascii: "%") {
                    k += 1
                }
                let start = k
                while k < b.count, b[k] > 32, b[k] != UInt8(ascii: ">") { k += 1 }
                names.insert(String(decoding: b[start..<k], as: UTF8.self))
                i = k
            } else {
                i += 1
            }
        }
        return names
    }
}
