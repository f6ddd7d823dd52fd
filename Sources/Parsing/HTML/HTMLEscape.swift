/// HTML and XML escaping for text and double-quoted attribute values; the one escaper of the project.
public enum HTMLEscape {
    public static func text(_ s: String) -> String { escape(s, quotes: false) }

    public static func attribute(_ s: String) -> String { escape(s, quotes: true) }

    private static func escape(_ s: String, quotes: Bool) -> String {
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || (quotes && $0 == 34) }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
