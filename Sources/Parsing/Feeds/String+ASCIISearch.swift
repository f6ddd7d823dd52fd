import Foundation

extension String {
    /// Whether Foundation's `contains(_:)` finds `needle` (ASCII), answered by comparing bytes when
    /// this string is ASCII too, as attribute values nearly always are: Foundation's search bridges
    /// to NSString on every call (a few per element). Other strings still go to Foundation, whose
    /// search matches canonically equivalent text (no match ends before a combining mark).
    func containsASCII(_ needle: String) -> Bool {
        guard isASCIIOnly else { return contains(needle) }
        return utf8.firstRange(of: needle.utf8) != nil
    }

    /// Foundation's `replacingOccurrences(of:with:)` for an ASCII `target`, by bytes when this
    /// string is ASCII (see `containsASCII`).
    func replacingASCII(_ target: String, with replacement: String) -> String {
        guard isASCIIOnly else { return replacingOccurrences(of: target, with: replacement) }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var rest = utf8[...]
        while let found = rest.firstRange(of: target.utf8) {
            result += rest[..<found.lowerBound]
            result += replacement.utf8
            rest = rest[found.upperBound...]
        }
        result += rest
        return String(decoding: result, as: UTF8.self)
    }

    private var isASCIIOnly: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
