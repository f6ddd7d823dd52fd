import Foundation

/// Substring search over raw bytes; offsets count from the start of `haystack` (slices included).
/// Data.firstRange(of:) walks generically and dominated a sync's CPU time.
enum ByteSearch {
    static func contains(_ haystack: Data, _ needle: Data) -> Bool { offset(of: needle, in: haystack) != nil }

    /// Offset of the first occurrence of `needle` from the start of `haystack`.
    static func offset(of needle: Data, in haystack: Data) -> Int? {
        haystack.withUnsafeBytes { (hay: UnsafeRawBufferPointer) -> Int? in
            needle.withUnsafeBytes { (pin: UnsafeRawBufferPointer) -> Int? in
                guard let first = pin.first, pin.count <= hay.count else { return nil }
                var index = 0
                let last = hay.count - pin.count
                while index <= last {
                    if hay[index] == first, memcmp(hay.baseAddress! + index, pin.baseAddress!, pin.count) == 0 {
                        return index
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}
