/// HTML and XML escaping for text and double-quoted attribute values; the one escaper of the project.
public enum HTMLEscape {
    public static func text(_ s: String) -> String { escape(s, quotes: false) }

    public static func attribute(_ s: String) -> String { escape(s, quotes: true) }

    /// Appends UTF-8 `bytes` escaped as text (`&`, `<`, `>`; with `quotes` also `"`), without making a string.
    static func appendText<Bytes: Sequence<UInt8>>(_ bytes: Bytes, to out: inout [UInt8], quotes: Bool = false) {
        // Contiguous bytes (nearly always) are copied in runs between the characters to escape.
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            var start = 0
            for i in 0..<buffer.count {
                let b = buffer[i]
                guard b == 38 || b == 60 || b == 62 || (quotes && b == 34) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<i]))
                appendEscape(b, to: &out)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
        guard done == nil else { return }
        for b in bytes {
            if b == 38 || b == 60 || b == 62 || (quotes && b == 34) {
                appendEscape(b, to: &out)
            } else {
                out.append(b)
            }
        }
    }

    /// `appendText` into a byte buffer (the fast sanitizer's output).
    static func appendText(_ bytes: UnsafeBufferPointer<UInt8>, to out: ByteBuffer, quotes: Bool = false) {
        var start = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            guard b == 38 || b == 60 || b == 62 || (quotes && b == 34) else { continue }
            out.append(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            appendText(b, to: out, quotes: quotes)
            start = i + 1
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// One byte escaped as text into a byte buffer: `&`, `<`, `>` (with `quotes` also `"`) as references.
    static func appendText(_ b: UInt8, to out: ByteBuffer, quotes: Bool = false) {
        switch b {
        case 38: out.append("&amp;")
        case 60: out.append("&lt;")
        case 62: out.append("&gt;")
        case 34 where quotes: out.append("&quot;")
        default: out.append(b)
        }
    }

    /// The reference for `&`, `<`, `>` or `"` (string literals: their bytes need no array per call).
    private static func appendEscape(_ b: UInt8, to out: inout [UInt8]) {
        // Byte by byte: appending a literal's UTF-8 view goes through the generic sequence copy.
        out.append(UInt8(ascii: "&"))
        switch b {
        case 38:
            out.append(UInt8(ascii: "a"))
            out.append(UInt8(ascii: "m"))
            out.append(UInt8(ascii: "p"))
        case 60:
            out.append(UInt8(ascii: "l"))
            out.append(UInt8(ascii: "t"))
        case 62:
            out.append(UInt8(ascii: "g"))
            out.append(UInt8(ascii: "t"))
        default:
            out.append(UInt8(ascii: "q"))
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "o"))
            out.append(UInt8(ascii: "t"))
        }
        out.append(UInt8(ascii: ";"))
    }

    private static func escape(_ s: String, quotes: Bool) -> String {
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || (quotes && $0 == 34) }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        appendText(s.utf8, to: &out, quotes: quotes)
        return String(decoding: out, as: UTF8.self)
    }
}
