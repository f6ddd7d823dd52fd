/// Decodes text that has character references but no markup (`Werkstatt &amp; Treffen`), the
/// common case for titles, so it needs no HTML parse; anything less plain is left to libxml2.
enum HTMLTextReferences {
    /// The text with its references decoded, or nil when it has a tag, a control character, or a
    /// reference other than `&amp; &lt; &gt; &quot;` and numeric ones to ordinary characters.
    static func decoded(_ html: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        var bytes = html.utf8[...]
        while let b = bytes.first {
            bytes = bytes.dropFirst()
            if b == UInt8(ascii: "<") || (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F { return nil }
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                continue
            }
            guard let semicolon = bytes.prefix(10).firstIndex(of: UInt8(ascii: ";")) else { return nil }
            let name = bytes[..<semicolon]
            bytes = bytes[bytes.index(after: semicolon)...]
            guard let scalar = scalar(named: name, nbsp: false) else { return nil }
            out.append(contentsOf: String(scalar).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The character a reference names: `amp lt gt quot` (and `nbsp` when asked), or a numeric one
    /// to an ordinary character; nil for any other.
    static func scalar<Name: Collection<UInt8>>(named name: Name, nbsp: Bool) -> Unicode.Scalar? {
        // Named ones compared as one packed word (after a 1 that makes the length part of it)
        // rather than byte sequence by byte sequence; none is longer than four letters.
        guard name.count <= 4 else { return numeric(name) }
        var code: UInt64 = 1
        for b in name { code = code << 8 | UInt64(b) }
        switch code {
        case 0x0161_6D70: return "&"  // amp
        case 0x016C_74: return "<"  // lt
        case 0x0167_74: return ">"  // gt
        case 0x01_7175_6F74: return "\""  // quot
        case 0x01_6E62_7370: return nbsp ? "\u{A0}" : nil  // nbsp
        default: break
        }
        return numeric(name)
    }

    /// `#39` or `#x27` as a scalar, only printable ASCII and non-control BMP characters.
    static func numeric<Name: Collection<UInt8>>(_ name: Name) -> Unicode.Scalar? {
        guard name.first == UInt8(ascii: "#") else { return nil }
        var digits = name.dropFirst()
        var radix: UInt32 = 10
        if let x = digits.first, x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        var value: UInt32 = 0
        for d in digits {
            let v: UInt32
            switch d {
            case 48...57: v = UInt32(d - 48)
            case 97...102 where radix == 16: v = UInt32(d - 87)
            case 65...70 where radix == 16: v = UInt32(d - 55)
            default: return nil
            }
            value = value * radix + v
        }
        guard (0x20...0x7E).contains(value) || (0xA0...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
        else { return nil }
        return Unicode.Scalar(value)
    }
}
