import Parsing

/// Escaping shared by the XML, HTML and iCalendar writers.
enum TextEscaping {
    /// Escapes for XML text and double-quoted attributes, dropping characters XML 1.0 forbids.
    static func xml(_ text: String) -> String {
        // Nearly all text has nothing to drop: skip rebuilding it scalar by scalar (0xEF leads U+FFFE/U+FFFF).
        let needsFilter = text.utf8.contains { (byte: UInt8) -> Bool in
            if byte == 0xEF { return true }
            return byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
        }
        if !needsFilter { return HTMLEscape.attribute(text) }
        var allowed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF { continue }
            allowed.append(scalar)
        }
        return HTMLEscape.attribute(String(allowed))
    }

    /// Escapes an iCalendar TEXT value (RFC 5545 §3.3.11).
    static func icsText(_ text: String) -> String {
        var out = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default:
                // TAB is allowed in TEXT; other controls are not.
                if (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
