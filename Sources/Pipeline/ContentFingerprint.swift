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
        return hasher.finalizeHex()
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
