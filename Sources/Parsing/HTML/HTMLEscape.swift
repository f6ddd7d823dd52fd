/// HTML and XML escaping for text and double-quoted attribute values; the one escaper of the project.
public enum HTMLEscape {
    public static func text(_ s: String) -> String { escape(s, quotes: false) }

    public static func attribute(_ s: String) -> String { escape(s, quotes: true) }

    /// Appends UTF-8 `bytes` escaped as text (`&`, `<`, `>`; with `quotes` also `"`), without making a string.
    static func appendText<Bytes: Sequence<UInt8>>(_ bytes: Bytes, to out: inout [UInt8], quotes: Bool = false) {
        for b in bytes {
            switch b {
            case 38: out.append(contentsOf: [38, 97, 109, 112, 59])  // &amp;
            case 60: out.append(contentsOf: [38, 108, 116, 59])  // &lt;
            case 62: out.append(contentsOf: [38, 103, 116, 59])  // &gt;
            case 34 where quotes: out.append(contentsOf: [38, 113, 117, 111, 116, 59])  // &quot;
            default: out.append(b)
            }
        }
    }

    private static func escape(_ s: String, quotes: Bool) -> String {
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || (quotes && $0 == 34) }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        appendText(s.utf8, to: &out, quotes: quotes)
        return String(decoding: out, as: UTF8.self)
    }
}
