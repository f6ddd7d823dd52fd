/// A JSON value with ordered object keys, written by hand so output is byte-for-byte stable.
enum ICalJSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([ICalJSON])
    case object([(String, ICalJSON)])

    static func optional(_ s: String?) -> ICalJSON { s.map(ICalJSON.string) ?? .null }
    static func optional(_ n: Int?) -> ICalJSON { n.map(ICalJSON.int) ?? .null }

    /// The value as JSON text, appended as UTF-8 bytes.
    func write(into out: inout JSONBytes) {
        switch self {
        case .null: out.append("null")
        case .bool(true): out.append("true")
        case .bool(false): out.append("false")
        case .int(let n): out.append(n)
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
}
