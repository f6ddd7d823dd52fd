import Testing

@testable import Parsing

/// Captured fields are checked and sanitized as bytes, without a string first: each shortcut must
/// give exactly what the string path gives, for clean bytes and for every other kind.
@Suite struct ByteLevelHTMLTests {
    /// Byte pieces: ASCII, every UTF-8 length, C1 controls, and the malformed kinds (stray
    /// continuations, overlong forms, surrogates, past U+10FFFF, cut-off sequences).
    static let pieces: [[UInt8]] = [
        Array("Text <b>".utf8), Array("</b> & <a href=\"/x\">".utf8), Array("ä€😀".utf8), Array("é".utf8),
        [0xC2, 0x85], [0xC2, 0x9F], [0xC2, 0xA0], [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF],
        [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF],
        Array("12345678abcdefgh".utf8), Array("&#150;&amp;&nbsp;".utf8), [0xEF, 0xBF, 0xBE], [0x0D],
    ]

    static func random(_ rng: inout SeededGenerator) -> [UInt8] {
        (0..<Int.random(in: 0...8, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
    }

    @Test func cleanTextIsWellFormedUTF8WithoutC1Controls() {
        var rng = SeededGenerator(seed: 0xC1EA_17E7)
        var clean = 0
        for _ in 0..<20_000 {
            let bytes = Self.random(&rng)
            // The reference: decoding repairs exactly the malformed sequences.
            let wellFormed = String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes)
            let expected = bytes.withUnsafeBufferPointer { wellFormed && !XMLCharset.hasC1Controls($0) }
            let actual = bytes.withUnsafeBufferPointer(UTF8Check.isCleanText)
            #expect(actual == expected, "\(bytes)")
            if actual { clean += 1 }
        }
        #expect(clean > 2000)
    }

    @Test func sanitizingBytesGivesWhatSanitizingTheirTextGives() {
        var rng = SeededGenerator(seed: 0xB17E_5A7E)
        let base = "https://lab.example.org/news/"
        for _ in 0..<4000 {
            let bytes = Self.random(&rng)
            let text = FeedXMLBuilder.text(bytes)
            let expected = FeedXMLBuilder.demoronized(HTMLSanitizer.sanitize(text, baseURL: base))
            #expect(FeedXMLBuilder.sanitized(bytes, baseURL: base) == expected, "\(bytes)")
        }
    }

    /// A builder's scratch keeps its buffers and open-element stack from fragment to fragment:
    /// with the base URL changing now and then, every result must be the one fresh buffers give.
    @Test func reusedScratchGivesWhatFreshBuffersGive() {
        var rng = SeededGenerator(seed: 0x7A6_CAC4E)
        let scratch = SimpleHTMLSanitizer.Scratch()
        let bases: [String?] = [nil, "https://lab.example.org/news/", "https://other.example/a/b"]
        var hits = 0
        for round in 0..<6000 {
            let count = Int.random(in: 1...10, using: &rng)
            var html = (0..<count).map { _ in SimpleHTMLSanitizerTests.pieces.randomElement(using: &rng)! }.joined()
            let base = bases[(round / 500) % bases.count]
            let fresh = html.withUTF8 { SimpleHTMLSanitizer.sanitize(utf8: $0, baseURL: base) }
            let cached = html.withUTF8 { SimpleHTMLSanitizer.sanitize(utf8: $0, baseURL: base, scratch: scratch) }
            #expect(cached == fresh, "\(html) against \(base ?? "no base")")
            if fresh != nil { hits += 1 }
        }
        #expect(hits > 600)
    }

    @Test func sanitizingCleanBytesInPlaceAgreesForTagSoup() {
        var rng = SeededGenerator(seed: 0x50_0B)
        for _ in 0..<4000 {
            let count = Int.random(in: 1...10, using: &rng)
            let html = (0..<count).map { _ in SimpleHTMLSanitizerTests.pieces.randomElement(using: &rng)! }.joined()
            var copy = html
            let fromBytes = copy.withUTF8 { HTMLSanitizer.sanitize(utf8: $0, baseURL: nil) }
            #expect(fromBytes == HTMLSanitizer.sanitize(html, baseURL: nil), "\(html)")
        }
    }
}
