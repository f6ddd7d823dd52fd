/// A quick look at captured bytes before they are worked on as bytes rather than as a string.
enum UTF8Check {
    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, no surrogates, nothing past
    /// U+10FFFF) without C1 control characters (U+0080–U+009F, which feeds mean as windows-1252):
    /// then `String(decoding:as:)` keeps them unchanged and the byte-level readers may use them
    /// as they are. ASCII runs are checked eight bytes at a time.
    static func isCleanText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            func continuation(_ k: Int) -> Bool { i + k < n && bytes[i + k] & 0xC0 == 0x80 }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1), lead != 0xC2 || bytes[i + 1] >= 0xA0 else { return false }
                i += 2
            case 0xE0...0xEF:
                guard continuation(1), continuation(2) else { return false }
                if lead == 0xE0, bytes[i + 1] < 0xA0 { return false }
                if lead == 0xED, bytes[i + 1] >= 0xA0 { return false }
                i += 3
            case 0xF0...0xF4:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                if lead == 0xF0, bytes[i + 1] < 0x90 { return false }
                if lead == 0xF4, bytes[i + 1] >= 0x90 { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
