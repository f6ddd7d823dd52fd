import FeedModel
import Foundation

/// A content hash that ignores lines a server rewrites on every request, so a feed whose only
/// change is its generation time counts as unchanged and is not parsed and stored again.
///
/// Ignored: iCalendar `DTSTAMP` lines (with their folded continuations) and RSS `<lastBuildDate>`.
enum ContentFingerprint {
    static func hash(_ data: Data) -> String {
        let dtstamp = Data("DTSTAMP".utf8)
        let buildDate = Data("<lastBuildDate>".utf8)
        guard ByteSearch.contains(data, dtstamp) || ByteSearch.contains(data, buildDate) else {
            return SHA256.hex(data)
        }
        var hasher = SHA256()
        var skippingFold = false
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if skippingFold, let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                continue
            }
            skippingFold = false
            if line.starts(with: dtstamp) {
                skippingFold = true
                continue
            }
            hasher.update(withoutBuildDate(line))
            hasher.update([UInt8(ascii: "\n")])
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func withoutBuildDate(_ line: Data) -> Data {
        let open = Data("<lastBuildDate>".utf8)
        let close = Data("</lastBuildDate>".utf8)
        guard let start = line.firstRange(of: open), let end = line[start.upperBound...].firstRange(of: close)
        else { return line }
        var result = Data(line[line.startIndex..<start.lowerBound])
        result.append(line[end.upperBound...])
        return result
    }
}

/// Substring search over raw bytes: Data.firstRange(of:) walks generically and dominated a sync's CPU time.
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
