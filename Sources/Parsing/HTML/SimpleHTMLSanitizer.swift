import Foundation

/// The fast path of `HTMLSanitizer` for the HTML most feeds carry: allowed tags, nested the way
/// libxml2's HTML parser keeps them, quoted attributes and the common character references,
/// sanitized in one pass over the bytes without building a libxml2 document (which cost a
/// document, a parser and a tree walk per summary). Whatever it is not sure the parser reads
/// exactly so (another tag, a comment, a tag the parser would close or move, an unusual
/// reference or character) makes it give up, and the caller parses. Tests compare the two.
struct SimpleHTMLSanitizer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let baseURL: String?
    /// The output: a buffer written through a reference, so that a byte or a tag costs a capacity
    /// check and a copy, with none of an array's uniqueness checks.
    private let out: ByteBuffer
    /// Open elements as indices in `SimpleHTMLTag.all`; -1 is the implied `body`.
    private var open: [Int] = [-1]
    private var i = 0
    /// `SimpleHTMLTag.all`, fetched once per fragment rather than once per tag.
    private let tags = SimpleHTMLTag.all
    /// The attribute names of the tag being read: the first `seenCount` of `seen`, whose storage
    /// is kept from tag to tag (emptying an array per tag went through a generic range replace).
    private var seen: [UInt128] = []
    private var seenCount = 0

    /// Sanitized `html`, or nil when the fragment needs libxml2's HTML parser.
    static func sanitize(_ html: String, baseURL: String?) -> String? {
        var html = html
        return html.withUTF8 { bytes in sanitize(utf8: bytes, baseURL: baseURL) }
    }

    /// `sanitize` over UTF-8 bytes in place; with `scratch`, its buffers are used (and kept for
    /// the next call) instead of new ones.
    static func sanitize(utf8 bytes: UnsafeBufferPointer<UInt8>, baseURL: String?, scratch: Scratch? = nil) -> String? {
        guard let scratch else {
            var scanner = SimpleHTMLSanitizer(
                bytes: bytes, baseURL: baseURL, out: ByteBuffer(capacity: bytes.count + 64))
            return scanner.run()
        }
        scratch.out.removeAll()
        var scanner = SimpleHTMLSanitizer(bytes: bytes, baseURL: baseURL, out: scratch.out)
        swap(&scanner.open, &scratch.open)
        swap(&scanner.seen, &scratch.seen)
        // A balanced fragment leaves the sentinel alone; emptying the stack anyway went through a
        // generic range replace per fragment.
        if scanner.open.count != 1 || scanner.open[0] != -1 {
            scanner.open.removeAll(keepingCapacity: true)
            scanner.open.append(-1)
        }
        let result = scanner.run()
        swap(&scanner.open, &scratch.open)
        swap(&scanner.seen, &scratch.seen)
        return result
    }

    /// The buffers of one run, kept by a caller that sanitizes field after field (the feed
    /// builder): three allocations fewer per fragment.
    final class Scratch {
        fileprivate let out = ByteBuffer()
        fileprivate var open: [Int] = []
        fileprivate var seen: [UInt128] = []
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, baseURL: String?, out: ByteBuffer) {
        self.bytes = bytes
        self.baseURL = baseURL
        self.out = out
    }

    /// Whether libxml2 keeps `child` inside the open elements `open` as they are (for tests).
    static func fits(_ child: String, in open: [String]) -> Bool {
        let index = { (name: String) in SimpleHTMLTag.pack(name.utf8).flatMap(SimpleHTMLTag.index(of:)) }
        guard let child = index(child) else { return false }
        let stack = open.map { $0 == "body" ? -1 : index($0) ?? -2 }
        return !stack.contains(-2) && SimpleHTMLTag.fits(child, in: stack)
    }

    private mutating func run() -> String? {
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "<"):
                guard tag() else { return nil }
            case UInt8(ascii: "&") where i + 1 == n || Self.isSpace(bytes[i + 1]):
                // A bare `&` before a blank (`Werkstatt & Treffen` once XML-decoded) is text to the parser too.
                appendEscaped("&")
                i += 1
            case UInt8(ascii: "&"):
                guard let scalar = reference() else { return nil }
                appendEscaped(scalar)
            case UInt8(ascii: ">"):
                HTMLEscape.appendText(b, to: out)
                i += 1
            default:
                // A run of ordinary text bytes is copied at once; anything else one byte at a time.
                let end = Self.ordinaryRunEnd(bytes, from: i)
                if end > i {
                    out.append(UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    i = end
                    continue
                }
                guard Self.isPlain(b, at: i, in: bytes) else { return nil }
                out.append(b)
                i += 1
            }
        }
        while open.count > 1 { closeTop() }
        // ASCII blanks trimmed on the bytes; `trimmed` still decides about Unicode blanks at the ends.
        var start = 0
        let written = out.bytes
        var end = written.count
        while start < end, Self.isASCIIBlank(written[start]) { start += 1 }
        while end > start, Self.isASCIIBlank(written[end - 1]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: written[start..<end]), as: UTF8.self).trimmed
    }

    /// Bytes copied as they are without a look at their neighbours: not markup, not a reference,
    /// not a control character, not the lead byte of U+FFFE/U+FFFF.
    static func isOrdinary(_ b: UInt8) -> Bool {
        // One bit per byte value, four words: set from 0x20 up, except `&` `<` `>` 0x7F 0xEF.
        let word: UInt64
        switch b >> 6 {
        case 0: word = 0xAFFF_FFBF_0000_0000
        case 1: word = 0x7FFF_FFFF_FFFF_FFFF
        case 2: word = 0xFFFF_FFFF_FFFF_FFFF
        default: word = 0xFFFF_7FFF_FFFF_FFFF
        }
        return word >> UInt64(b & 63) & 1 != 0
    }

    /// The end of the run of `isOrdinary` bytes at `start`: eight bytes at a time while none of
    /// them can be special (text runs are most of a fragment's bytes).
    static func ordinaryRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let n = bytes.count
        var end = start
        while end + 8 <= n {
            let word = UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)
            guard !mayHoldSpecial(word) else { break }
            end += 8
        }
        while end < n, isOrdinary(bytes[end]) { end += 1 }
        return end
    }

    /// Whether any byte of `word` is below 0x20 or one of `&` `<` `>` 0x7F 0xEF (exact for "none";
    /// the caller then looks at the bytes one by one).
    private static func mayHoldSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        // A byte below 0x20: subtracting 0x20 borrows into its high bit, which was clear.
        if (word &- ones &* 0x20) & ~word & highs != 0 { return true }
        return hasZeroByte(word ^ (ones &* 0x26)) || hasZeroByte(word ^ (ones &* 0x3C))
            || hasZeroByte(word ^ (ones &* 0x3E)) || hasZeroByte(word ^ (ones &* 0x7F))
            || hasZeroByte(word ^ (ones &* 0xEF))
    }

    private static func isASCIIBlank(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// Text bytes the parser passes through unchanged: not a control character other than tab and
    /// line feed (a carriage return is rewritten), not the non-characters U+FFFE/U+FFFF.
    private static func isPlain(_ b: UInt8, at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if b < 0x20 { return b == 0x09 || b == 0x0A }
        if b == 0x7F { return false }
        if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return false }
        return true
    }

    /// The scalar as escaped UTF-8, encoded in place (not through a string per reference); only
    /// ASCII can need escaping.
    private mutating func appendEscaped(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            HTMLEscape.appendText(UInt8(truncatingIfNeeded: scalar.value), to: out)
        } else {
            UTF8.encode(scalar) { out.append($0) }
        }
    }

    /// The character of the reference at `i` (`&amp; &lt; &gt; &quot; &nbsp;` or numeric), moving past it.
    private mutating func reference() -> Unicode.Scalar? {
        let start = i + 1
        var end = start
        while end < bytes.count, end - start < 10, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return nil }
        i = end + 1
        return HTMLTextReferences.scalar(named: UnsafeBufferPointer(rebasing: bytes[start..<end]), nbsp: true)
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    private static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 48 && b <= 57) }
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A }

    /// The packed name (tag or attribute) starting at `i`, moving past it; nil when there is none
    /// or it is too long to be one the fast path knows.
    private mutating func name(allowingHyphen: Bool) -> UInt128? {
        let start = i
        guard i < bytes.count, Self.isLetter(bytes[i]) else { return nil }
        while i < bytes.count, Self.isNameByte(bytes[i]) || (allowingHyphen && bytes[i] == UInt8(ascii: "-")) {
            i += 1
        }
        return SimpleHTMLTag.pack(UnsafeBufferPointer(rebasing: bytes[start..<i]))
    }

    private mutating func skipSpace() -> Bool {
        let start = i
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
        return i > start
    }

    /// A start or end tag at `i`; false when the fragment needs the parser.
    private mutating func tag() -> Bool {
        i += 1
        guard i < bytes.count else { return false }
        if bytes[i] == UInt8(ascii: "/") {
            if closesTopAsWritten() { return true }
            i += 1
            guard let code = name(allowingHyphen: false) else { return false }
            _ = skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ">"), let top = open.last, top >= 0,
                tags[top].code == code
            else { return false }
            i += 1
            closeTop()
            return true
        }
        guard let code = name(allowingHyphen: false), let index = SimpleHTMLTag.index(of: code),
            SimpleHTMLTag.fits(index, in: open)
        else { return false }
        // Fields read one by one: a copy of the whole tag would retain its arrays per tag.
        let isVoid = tags[index].isVoid
        // Borrowed as a buffer: appending the array itself retained and released it per tag.
        tags[index].startBytes.withUnsafeBufferPointer { out.append($0) }
        seenCount = 0
        while true {
            let spaced = skipSpace()
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: ">") {
                i += 1
                break
            }
            if isVoid, bytes[i] == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") {
                i += 2
                break
            }
            // Attributes one by one: name="value"; a repeated name is left to the parser.
            guard spaced, let attribute = name(allowingHyphen: true), !seen[..<seenCount].contains(attribute),
                let value = quotedValue()
            else { return false }
            if seenCount < seen.count { seen[seenCount] = attribute } else { seen.append(attribute) }
            seenCount += 1
            if let kept = tags[index].attributes.first(where: { $0.code == attribute }) {
                if var safe = SanitizingWriter.keptValue(kept.name, value: value, baseURL: baseURL) {
                    var name = kept.name
                    out.append(UInt8(ascii: " "))
                    name.withUTF8 { out.append($0) }
                    out.append("=\"")
                    safe.withUTF8 { HTMLEscape.appendText($0, to: out, quotes: true) }
                    out.append(UInt8(ascii: "\""))
                }
            }
        }
        if index == SimpleHTMLTag.link {
            SanitizingWriter.linkRelBytes.withUnsafeBufferPointer { out.append($0) }
        }
        out.append(UInt8(ascii: ">"))
        if !isVoid { open.append(index) }
        return true
    }

    /// Whether the bytes at `i - 1` are the open element's end tag exactly as this sanitizer writes
    /// it (`</strong>`, the common spelling), which is then closed: compared as it stands, without
    /// reading the name. Any other spelling is left to the general reading.
    private mutating func closesTopAsWritten() -> Bool {
        guard let top = open.last, top >= 0 else { return false }
        let start = i - 1
        let matched = tags[top].endBytes.withUnsafeBufferPointer { end in
            start + end.count <= bytes.count && memcmp(bytes.baseAddress! + start, end.baseAddress!, end.count) == 0
        }
        guard matched else { return false }
        i = start + tags[top].endBytes.count
        closeTop()
        return true
    }

    /// `="value"` or `='value'` at `i`, references decoded; nil for anything else.
    private mutating func quotedValue() -> String? {
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "=") else { return nil }
        let quote = bytes[i + 1]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        i += 2
        // Most values hold no reference: taken as a slice of the input, without a byte-by-byte copy.
        var end = i
        while end < bytes.count, bytes[end] != quote, bytes[end] != UInt8(ascii: "&"), bytes[end] >= 0x20,
            bytes[end] != UInt8(ascii: "<"), Self.isPlain(bytes[end], at: end, in: bytes)
        {
            end += 1
        }
        if end < bytes.count, bytes[end] == quote {
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
            i = end + 1
            return value
        }
        var value: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == quote {
                i += 1
                return String(decoding: value, as: UTF8.self)
            }
            if b == UInt8(ascii: "&") {
                guard let scalar = reference() else { return nil }
                UTF8.encode(scalar) { value.append($0) }
                continue
            }
            guard b >= 0x20, b != UInt8(ascii: "<"), Self.isPlain(b, at: i, in: bytes) else { return nil }
            value.append(b)
            i += 1
        }
        return nil
    }

    private mutating func closeTop() {
        let index = open.removeLast()
        tags[index].endBytes.withUnsafeBufferPointer { out.append($0) }
    }
}
