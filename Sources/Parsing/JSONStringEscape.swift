/// JSON string literals written byte for byte as one of Foundation's two JSON writers writes them,
/// so hand-written JSON on hot paths keeps the bytes (and goldens, ETags) of the Foundation output.
public enum JSONStringEscape {
    /// Which Foundation writer to match.
    public enum Flavour: Sendable {
        /// `JSONEncoder` with `.withoutEscapingSlashes`: `/` kept.
        case encoder
        /// `JSONSerialization`: `/` written as `\/`.
        case serialization
    }

    /// Appends `text` as a quoted JSON string.
    public static func appendQuoted(_ text: String, to out: inout String, as flavour: Flavour) {
        out += "\""
        appendInside(text, to: &out, as: flavour)
        out += "\""
    }

    /// Appends the inside of the JSON string for `text` (no quotes).
    public static func appendInside(_ text: String, to out: inout String, as flavour: Flavour) {
        let slashes = flavour == .serialization
        // Nearly every string needs no escape: append it whole.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || (slashes && $0 == 0x2F) }) else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/" where slashes: out += "\\/"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
