/// A JSON value with ordered object keys, written by hand so output is byte-for-byte stable.
enum ICalJSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([ICalJSON])
    case object([(String, ICalJSON)])
    /// JSON text written elsewhere, copied as it is.
    case raw(String)

    static func optional(_ s: String?) -> ICalJSON { s.map(ICalJSON.string) ?? .null }
    static func optional(_ n: Int?) -> ICalJSON { n.map(ICalJSON.int) ?? .null }

    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .raw(let text): out += text
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += ", " }
                Self.quote(key, into: &out)
                out += ": "
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// The same text as `write(to:)`, appended as UTF-8 bytes.
    func write(into out: inout JSONBytes) {
        switch self {
        case .null: out.append("null")
        case .bool(true): out.append("true")
        case .bool(false): out.append("false")
        case .int(let n): out.append(n)
        case .raw(let text): out.append(text)
        case .string(let s): out.appendOptional(s)
        case .array(let items):
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(", ") }
                item.write(into: &out)
            }
            out.append("]")
        case .object(let pairs):
            out.append("{")
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(", ") }
                out.appendOptional(key)
                out.append(": ")
                value.write(into: &out)
            }
            out.append("}")
        }
    }

    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most values need no escaping at all: copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
