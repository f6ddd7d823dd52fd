import CLibXML2
import Foundation

/// Encoding decisions libxml2 does not make the way feeds need: names it rejects or does not
/// know, ISO-8859-1 labels that mean windows-1252 in practice, and the windows-1252 fallback.
enum XMLCharset {
    /// The `encoding` of the XML declaration at the start of `head`, as written (ASCII-compatible
    /// documents only; UTF-16/32 and EBCDIC are left to libxml2's own detection).
    static func declared(in head: ArraySlice<UInt8>) -> String? {
        head.withUnsafeBufferPointer { all in
            var bytes = all[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard bytes.starts(with: "<?xml".utf8), let close = bytes.firstIndex(of: UInt8(ascii: ">")) else {
                return nil
            }
            return encodingValue(in: UnsafeBufferPointer(rebasing: bytes[..<close]))
        }
    }

    /// The first `encoding = "…"` in a declaration (either quote, either closing it), scanned by
    /// hand over the bytes in place: a regular expression compiled per document, or a copy of the
    /// declaration, cost more than the rest of a small feed's parse.
    private static func encodingValue(in decl: UnsafeBufferPointer<UInt8>) -> String? {
        let name = "encoding".utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        func isQuote(_ b: UInt8) -> Bool { b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") }
        var start = 0
        while start + name.count <= decl.count {
            defer { start += 1 }
            guard decl[start..<start + name.count].elementsEqual(name) else { continue }
            var i = start + name.count
            while i < decl.count, isSpace(decl[i]) { i += 1 }
            guard i < decl.count, decl[i] == UInt8(ascii: "=") else { continue }
            i += 1
            while i < decl.count, isSpace(decl[i]) { i += 1 }
            guard i < decl.count, isQuote(decl[i]) else { continue }
            let valueStart = i + 1
            guard let end = decl[valueStart...].firstIndex(where: isQuote) else { continue }
            guard end > valueStart else { return nil }
            return String(decoding: decl[valueStart..<end], as: UTF8.self).trimmedBlanks
        }
        return nil
    }

    /// Labels that browsers and feed readers read as windows-1252 (the WHATWG Encoding Standard).
    static let windows1252Labels: Set<String> = [
        "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "csisolatin1", "ibm819",
        "cp819", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252", "windows_1252", "iso_8859-1:1987",
        "iso88591", "8859-1", "ansi_x3.4-1968",
    ]

    /// Names libxml2 (built with ICU) does not know, to ones it does.
    static let aliases: [String: String] = [
        "macgreek": "x-mac-greek", "mac-greek": "x-mac-greek", "macturkish": "x-mac-turkish",
        "mac-turkish": "x-mac-turkish", "maclatin2": "x-mac-centraleurroman", "mac-latin2": "x-mac-centraleurroman",
        "maccentraleurope": "x-mac-centraleurroman", "mac-centraleurope": "x-mac-centraleurroman",
        "mac_roman": "macintosh", "mac-roman": "macintosh", "u16": "utf-16", "utf16": "utf-16", "utf_16": "utf-16",
        "u8": "utf-8", "utf": "utf-8", "utf8": "utf-8", "utf_8": "utf-8", "u32": "utf-32", "utf32": "utf-32",
        "utf_32": "utf-32",
    ]

    /// What to tell libxml2 for a label: nil to let it read the declaration itself.
    enum Decision: Equatable {
        case libxml
        case override(String)
        case windows1252
    }

    static func decide(_ label: String?) -> Decision {
        guard let label else { return .libxml }
        let name = label.lowercased().trimmedBlanks
        if windows1252Labels.contains(name) { return .windows1252 }
        if let alias = aliases[name] { return .override(alias) }
        if name.utf8.first.map({ !(($0 | 0x20) >= 97 && ($0 | 0x20) <= 122) }) == true
            || name.utf8.contains(UInt8(ascii: "_")),
            known(name)
        {
            // Not a valid XML encoding name (`437`, `cp_is`): libxml2 would refuse the declaration.
            return .override(name)
        }
        return .libxml
    }

    private static let pinLock = NSLock()
    private nonisolated(unsafe) static var pinned: Set<String> = []

    /// Opens libxml2's converter for `name` once and keeps it open for the life of the process.
    /// glibc unloads an iconv module soon after its last converter is closed and loads it again
    /// (dlopen) for the next document in that encoding, which cost more than parsing a small feed.
    static func pin(_ name: String?) {
        guard let name, !name.isEmpty else { return }
        let key = name.lowercased()
        if key == "utf-8" || key == "utf8" { return }
        pinLock.lock()
        defer { pinLock.unlock() }
        // A bound on what one process keeps: iconv knows a few hundred names, each pinned at most once.
        guard pinned.count < 512, pinned.insert(key).inserted else { return }
        _ = xmlFindCharEncodingHandler(name)
    }

    static func known(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// windows-1252 to UTF-8 for each byte; the five bytes the code page leaves undefined map to
    /// the C1 control of the same value, as browsers do, so the reading never fails.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// True when UTF-8 text holds a C1 control (U+0080–U+009F), which in feeds is nearly always
    /// a windows-1252 character (curly quote, dash, euro) stored by its byte value.
    static func hasC1Controls(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 1, let base = bytes.baseAddress else { return false }
        // memchr for the lead byte: most text has no 0xC2 at all.
        var at = 0
        while at < bytes.count - 1, let hit = memchr(base + at, 0xC2, bytes.count - 1 - at) {
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if bytes[i + 1] >= 0x80 && bytes[i + 1] < 0xA0 { return true }
            at = i + 1
        }
        return false
    }

    /// C1 controls replaced by the windows-1252 characters of the same byte value.
    static func demoronized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80, scalar.value < 0xA0,
                let mapped = Unicode.Scalar(windows1252High[Int(scalar.value) - 0x80])
            {
                out.append(mapped)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// UTF-32 (by BOM or by the NULs around `<`), which libxml2's converters here do not read.
    static func utf32(_ head: ArraySlice<UInt8>) -> String.Encoding? {
        switch leadingWord(head) {
        case 0x0000_FEFF, 0x0000_003C: return .utf32BigEndian
        case 0xFFFE_0000, 0x3C00_0000: return .utf32LittleEndian
        default: return nil
        }
    }

    /// The first four bytes as one big-endian word (nil when there are fewer): the byte patterns of
    /// encodings are told apart with one compare each, this being asked of every document.
    private static func leadingWord(_ head: ArraySlice<UInt8>) -> UInt32? {
        guard head.count >= 4 else { return nil }
        let i = head.startIndex
        return UInt32(head[i]) << 24 | UInt32(head[i + 1]) << 16 | UInt32(head[i + 2]) << 8 | UInt32(head[i + 3])
    }

    /// True when `bytes` (ASCII-compatible) hold nothing but an XML declaration, processing
    /// instructions, comments and white space: a document that says nothing, as opposed to garbage.
    static func onlyProlog(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        while let first = rest.first {
            if first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D {
                rest = rest.dropFirst()
            } else if rest.starts(with: Array("<!--".utf8)) {
                guard let end = rest.firstRange(of: Array("-->".utf8)) else { return false }
                rest = rest[end.upperBound...]
            } else if rest.starts(with: Array("<?".utf8)) {
                guard let end = rest.firstRange(of: Array("?>".utf8)) else { return false }
                rest = rest[end.upperBound...]
            } else {
                return false
            }
        }
        return true
    }

    /// UTF-16 without a BOM (by the NULs around `<?`). The declaration then names a label libxml2 may
    /// reject (`u16`), but the byte pattern alone settles the encoding.
    static func utf16WithoutBOM(_ head: ArraySlice<UInt8>) -> String? {
        switch leadingWord(head) {
        case 0x003C_003F: return "UTF-16BE"
        case 0x3C00_3F00: return "UTF-16LE"
        default: return nil
        }
    }

    /// The whole document re-encoded as UTF-8 (UTF-32 is rare and small: read at once).
    static func reencoded(_ source: XMLByteSource, from encoding: String.Encoding) -> XMLByteSource? {
        guard let pull = source.open() else { return nil }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = chunk.withUnsafeMutableBytes { pull($0) }
            if n <= 0 { break }
            data.append(contentsOf: chunk[..<n])
            if data.count > 64 << 20 { break }
        }
        guard let text = String(data: data, encoding: encoding) else { return nil }
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return .memory(bytes)
    }

    /// The `encoding` declared by an EBCDIC document: the declaration is in the invariant
    /// characters, which read the same in every EBCDIC code page.
    static func declaredEBCDIC(in head: ArraySlice<UInt8>) -> String? {
        guard leadingWord(head) == 0x4C6F_A794 else { return nil }
        var ascii: [UInt8] = []
        for b in head.prefix(200) {
            let c: UInt8
            switch b {
            case 0x81...0x89: c = b - 0x81 + 97
            case 0x91...0x99: c = b - 0x91 + 106
            case 0xA2...0xA9: c = b - 0xA2 + 115
            case 0xC1...0xC9: c = b - 0xC1 + 65
            case 0xD1...0xD9: c = b - 0xD1 + 74
            case 0xE2...0xE9: c = b - 0xE2 + 83
            case 0xF0...0xF9: c = b - 0xF0 + 48
            case 0x40: c = 32
            case 0x4C: c = 60
            case 0x6E: c = 62
            case 0x6F: c = 63
            case 0x7E: c = 61
            case 0x7F: c = 34
            case 0x7D: c = 39
            case 0x60: c = 45
            case 0x4B: c = 46
            case 0x6D: c = 95
            default: c = 32
            }
            ascii.append(c)
            if c == 62 { break }
        }
        ascii.replaceSubrange(0..<4, with: Array("<?xm".utf8))
        return declared(in: ascii[...])
    }

    /// The source read as windows-1252 and handed on as UTF-8 (a leading UTF-8 BOM is dropped).
    static func windows1252(_ source: XMLByteSource) -> XMLByteSource {
        XMLByteSource {
            guard let pull = source.open() else { return nil }
            var scratch = [UInt8](repeating: 0, count: 16 << 10)
            var first = true
            return { buffer in
                let want = min(scratch.count, buffer.count / 3)
                guard want > 0 else { return 0 }
                while true {
                    let n = scratch.withUnsafeMutableBytes {
                        pull(UnsafeMutableRawBufferPointer(rebasing: $0[..<want]))
                    }
                    guard n > 0 else { return n }
                    var start = 0
                    if first {
                        first = false
                        if n >= 3, scratch[0] == 0xEF, scratch[1] == 0xBB, scratch[2] == 0xBF { start = 3 }
                    }
                    var out = 0
                    for i in start..<n {
                        let b = scratch[i]
                        let scalar = b < 0x80 ? UInt32(b) : b < 0xA0 ? windows1252High[Int(b) - 0x80] : UInt32(b)
                        if scalar < 0x80 {
                            buffer[out] = UInt8(scalar)
                            out += 1
                        } else if scalar < 0x800 {
                            buffer[out] = UInt8(0xC0 | (scalar >> 6))
                            buffer[out + 1] = UInt8(0x80 | (scalar & 0x3F))
                            out += 2
                        } else {
                            buffer[out] = UInt8(0xE0 | (scalar >> 12))
                            buffer[out + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                            buffer[out + 2] = UInt8(0x80 | (scalar & 0x3F))
                            out += 3
                        }
                    }
                    // A chunk that was only a BOM must not read as the end of the document.
                    if out > 0 { return out }
                }
            }
        }
    }
}
