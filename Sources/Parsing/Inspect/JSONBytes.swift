import FeedModel

/// A growing UTF-8 byte buffer for JSON written by hand: tens of thousands of occurrence rows
/// go straight into it instead of through small `String`s.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append(_ ascii: StaticString) {
        ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(_ other: ArraySlice<UInt8>) { bytes.append(contentsOf: other) }

    mutating func removeLast() { bytes.removeLast() }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ n: Int) {
        if (0..<10).contains(n) {
            bytes.append(UInt8(48 + n))
        } else {
            append(String(n))
        }
    }

    /// `null` or the quoted string: `"`, `\\`, control characters, U+2028 and U+2029 escaped.
    mutating func appendOptional(_ s: String?) {
        guard var s else { return append("null") }
        s.withUTF8 { quote($0) }
    }

    mutating func appendOptional(_ n: Int?) {
        guard let n else { return append("null") }
        append(n)
    }

    private mutating func quote(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var i = 0
        while i < utf8.count {
            // Runs that need no escape (nearly all text) are copied at once.
            var plain = i
            while plain < utf8.count, Self.isPlain(utf8[plain]) { plain += 1 }
            if plain > i {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<plain]))
                i = plain
                continue
            }
            let b = utf8[i]
            switch b {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                // U+2028 and U+2029 end lines in JavaScript.
                append(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                i += 2
            case 0..<0x20:
                append("\\u00")
                bytes.append(Self.hex(b >> 4))
                bytes.append(Self.hex(b & 0xF))
            default: bytes.append(b)
            }
            i += 1
        }
        bytes.append(0x22)
    }

    /// Bytes `quote` copies as they are: not `"`, `\\`, a control character or the lead byte of
    /// U+2028/U+2029 (0xE2, checked by the slow path).
    private static func isPlain(_ b: UInt8) -> Bool { b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 }

    private static func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 48 + nibble : 87 + nibble }

    /// `YYYY-MM-DD`, as `CivilDate.isoString` writes it.
    mutating func append(_ d: CivilDate) {
        guard (0...9999).contains(d.year), (0..<100).contains(d.month), (0..<100).contains(d.day) else {
            return append(d.isoString)
        }
        appendFixed(10) { p in Self.fill(p, d) }
    }

    /// `YYYY-MM-DDTHH:MM:SS`, as `CivilDateTime.isoString` writes it.
    mutating func append(_ c: CivilDateTime) {
        guard (0...9999).contains(c.date.year), (0..<100).contains(c.date.month), (0..<100).contains(c.date.day),
            (0..<100).contains(c.hour), (0..<100).contains(c.minute), (0..<100).contains(c.second)
        else { return append(c.isoString) }
        appendFixed(19) { p in
            Self.fill(p, c.date)
            p[10] = 0x54  // T
            Self.two(p + 11, c.hour)
            p[13] = 0x3A
            Self.two(p + 14, c.minute)
            p[16] = 0x3A
            Self.two(p + 17, c.second)
        }
    }

    /// `±HH:MM` for an offset in seconds.
    mutating func appendOffset(_ offset: Int) {
        let minutes = abs(offset) / 60
        guard minutes / 60 < 100 else {
            bytes.append(offset < 0 ? 0x2D : 0x2B)
            return append(CivilDateTime.offsetSuffix(minutes))
        }
        appendFixed(6) { p in
            p[0] = offset < 0 ? 0x2D : 0x2B
            Self.two(p + 1, minutes / 60)
            p[3] = 0x3A
            Self.two(p + 4, minutes % 60)
        }
    }

    /// Appends `count` bytes that `fill` writes: one append instead of one per digit, since
    /// tens of thousands of times are written.
    private mutating func appendFixed(_ count: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            guard let p = buffer.baseAddress else { return }
            fill(p)
            bytes.append(contentsOf: UnsafeBufferPointer(buffer))
        }
    }

    /// `YYYY-MM-DD` into `p[0..<10]` (year within 0...9999, month and day below 100).
    private static func fill(_ p: UnsafeMutablePointer<UInt8>, _ d: CivilDate) {
        two(p, d.year / 100)
        two(p + 2, d.year % 100)
        p[4] = 0x2D
        two(p + 5, d.month)
        p[7] = 0x2D
        two(p + 8, d.day)
    }

    /// Two digits of `n` (0 ≤ n < 100) into `p[0]` and `p[1]`.
    private static func two(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) {
        p[0] = UInt8(truncatingIfNeeded: 48 + n / 10)
        p[1] = UInt8(truncatingIfNeeded: 48 + n % 10)
    }
}
