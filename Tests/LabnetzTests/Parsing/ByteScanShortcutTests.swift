import Testing

@testable import Parsing

/// Word-at-a-time and packed shortcuts in the byte-level readers, each checked against the plain
/// byte-by-byte rule it replaces on random input.
@Suite struct ByteScanShortcutTests {
    /// Bytes that end a text run, and ordinary ones around them.
    static let bytePool: [UInt8] = [
        0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x26, 0x3B, 0x3C, 0x3D, 0x3E, 0x41, 0x61, 0x7E, 0x7F, 0x80, 0xBF, 0xC3,
        0xE2, 0xEE, 0xEF, 0xF0, 0xFF,
    ]

    @Test func ordinaryRunsEndWhereTheByteRuleSays() {
        var rng = SeededGenerator(seed: 0x5EA7)
        for _ in 0..<5000 {
            // Mostly long ordinary runs (the word-at-a-time case), with a special byte here and there.
            let bytes: [UInt8] = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                Int.random(in: 0..<6, using: &rng) == 0
                    ? Self.bytePool.randomElement(using: &rng)! : UInt8.random(in: 0x41...0x7A, using: &rng)
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex { !SimpleHTMLSanitizer.isOrdinary($0) } ?? bytes.count
                    let end = SimpleHTMLSanitizer.ordinaryRunEnd(buffer, from: start)
                    #expect(end == expected, "\(bytes) from \(start)")
                }
            }
        }
        for b in UInt8.min...UInt8.max {
            let bytes = [UInt8](repeating: 0x61, count: 11) + [b] + [0x61]
            let expected = SimpleHTMLSanitizer.isOrdinary(b) ? bytes.count : 11
            #expect(bytes.withUnsafeBufferPointer { SimpleHTMLSanitizer.ordinaryRunEnd($0, from: 0) } == expected)
        }
    }

    @Test func referenceNamesAreMatchedExactly() {
        func spelled(_ name: [UInt8], nbsp: Bool) -> Unicode.Scalar? {
            switch String(decoding: name, as: UTF8.self) {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "nbsp" where nbsp: return "\u{A0}"
            default: return HTMLTextReferences.numeric(name)
            }
        }
        let letters = Array("amplgtquonbs#x38\0A".utf8) + [0xC3]
        var rng = SeededGenerator(seed: 0x26_3B)
        var names: [[UInt8]] = ["amp", "lt", "gt", "quot", "nbsp", "\0amp", "\0lt", "am", "ampx", "AMP", "#38", "#x26"]
            .map { Array($0.utf8) }
        for _ in 0..<20_000 {
            names.append((0..<Int.random(in: 0...6, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
        }
        for name in names {
            for nbsp in [false, true] {
                #expect(HTMLTextReferences.scalar(named: name, nbsp: nbsp) == spelled(name, nbsp: nbsp), "\(name)")
            }
        }
    }

    /// Dates are read from the captured bytes: the same date, or the same warning, as from their text.
    @Test func datesFromBytesReadAsFromText() {
        let texts = [
            "Mon, 01 Sep 2025 00:15:00 +0200", "2025-09-01T08:15:00Z", " ", "\t", "\n", "\u{A0}", "\u{3000}", "x",
            "GMT", "07-Jun-2025", "Mär",
        ]
        let pieces = texts.map { Array($0.utf8) } + [[0xC2, 0x85], [0xFF], [0xE2, 0x80]]
        var rng = SeededGenerator(seed: 0xDA7E_B17E)
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...4, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            var fromBytes = FeedXMLBuilder(baseURL: nil)
            var fromText = FeedXMLBuilder(baseURL: nil)
            for published in [true, false] {
                bytes.withUnsafeBufferPointer { fromBytes.setDate(bytes: $0, published: published, line: 3) }
                fromText.setDate(FeedXMLBuilder.text(bytes), published: published, line: 3)
            }
            #expect(fromBytes.feed.published == fromText.feed.published, "\(bytes)")
            #expect(fromBytes.feed.updated == fromText.feed.updated, "\(bytes)")
            #expect(fromBytes.feed.warnings.map(\.message) == fromText.feed.warnings.map(\.message), "\(bytes)")
        }
    }

    @Test func dateTokensAreSplitAsBefore() {
        // The former splitting, kept here as the reference.
        func spelled(_ b: [UInt8]) -> [ArraySlice<UInt8>] {
            var out: [ArraySlice<UInt8>] = []
            var start = 0
            func flush(_ end: Int) {
                guard end > start else { return }
                let t = b[start..<end]
                let hasLetter = t.contains { (b: UInt8) -> Bool in
                    let lower = b | 0x20
                    return (lower >= 97 && lower <= 122) || b >= 0x80
                }
                if hasLetter, t.dropFirst().contains(UInt8(ascii: "-")), !t.starts(with: Array("GMT".utf8)),
                    !t.starts(with: Array("UT".utf8))
                {
                    out += t.split(separator: UInt8(ascii: "-"))
                } else {
                    out.append(t)
                }
            }
            for k in 0..<b.count where b[k] == 32 || b[k] == 44 || b[k] == 9 {
                flush(k)
                start = k + 1
            }
            flush(b.count)
            return out
        }
        let pieces = ["07", "-", "--", "Jun", "GMT", "UT", "gmt", " ", ",", "\t", "+0200", "ä", "12:00", "2025", "Mär"]
        var rng = SeededGenerator(seed: 0xDA7E)
        for _ in 0..<10_000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let bytes = Array(text.utf8)
            let tokens = Array(RFC822DateScanner.Tokens(b: bytes))
            #expect(tokens.map(Array.init) == spelled(bytes).map(Array.init), "\(text)")
        }
    }
}
