import Foundation
import Testing

@testable import Parsing

/// `trimmed` stands in for Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` on
/// every field a feed has: it must trim exactly what Foundation trims.
@Suite struct StringTrimmedTests {
    /// Every Unicode scalar, against Foundation's own set.
    @Test func whitespaceIsFoundationsSetForEveryScalar() {
        let foundation = CharacterSet.whitespacesAndNewlines
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if String.isWhitespaceOrNewline(scalar) != foundation.contains(scalar) { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func trimsAsFoundationDoes() {
        let samples = [
            "", " ", "plain", " \t\n title \r\n", "\u{A0}Stra\u{DF}e\u{3000}", "\u{2028}x\u{2029}", "\u{85}y\u{85}",
            "\u{200B}zero width\u{200B}", "caf\u{E9}", "\u{E9}\u{301} ", " e\u{301}", "\u{1F600} \u{1F600}",
            "\u{180E}mongolian\u{180E}", "\u{FEFF}bom", " \u{2003}\u{2003}\u{205F}",
        ]
        for text in samples {
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }
}
