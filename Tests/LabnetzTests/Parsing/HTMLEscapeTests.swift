import Foundation
import Testing

@testable import Parsing

@Suite struct HTMLEscapeTests {
    /// Contiguous bytes are escaped in runs, any other sequence byte by byte: both must write the
    /// same bytes, with and without quotes, for text full of the characters that need escaping.
    @Test func runsAndSingleBytesEscapeAlike() {
        var random = SplitMix64(seed: 7)
        let pieces = ["a", "ä", "&", "<", ">", "\"", "'", " ", "&amp;", "x<y>z", "\u{1F600}", ""]
        for _ in 0..<500 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            for quotes in [false, true] {
                var runs: [UInt8] = Array("keep".utf8)
                var single: [UInt8] = Array("keep".utf8)
                HTMLEscape.appendText(Array(text.utf8), to: &runs, quotes: quotes)
                HTMLEscape.appendText(text.utf8.lazy.map { $0 }, to: &single, quotes: quotes)
                #expect(runs == single, "\(text)")
                let expected =
                    "keep"
                    + text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;")
                    .replacingOccurrences(of: "\"", with: quotes ? "&quot;" : "\"")
                #expect(String(decoding: runs, as: UTF8.self) == expected, "\(text)")
            }
        }
    }
}
