import Foundation
import Testing

@testable import Parsing

/// Deterministic xorshift generator, so a failing input can be reproduced from the seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

struct FeedParsingPropertyTests {
    static let dateSeeds = [
        "Sat, 07 Jun 2025 10:00:00 +0200", "2026-11-03T09:15:30.25+01:00", "Mo, 03 Mär 2025 10:00 MEZ",
        "20261103T091530Z", "7 Jun 25 10:00 GMT+0100",
    ]
    static let alphabet = Array("0123456789 :-+.,TZtzGMTUTCESDPMärOktDez\u{0}\u{FFFF}é€😀\t\n/".unicodeScalars)

    @Test func feedDateNeverTraps() {
        var rng = SeededGenerator(seed: 20_250_607)
        var parsed = 0
        for round in 0..<4000 {
            var scalars = Array(Self.dateSeeds[round % Self.dateSeeds.count].unicodeScalars)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let op = Int.random(in: 0..<3, using: &rng)
                let pos = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &rng)
                let ch = Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &rng)]
                switch op {
                case 0 where !scalars.isEmpty: scalars[pos] = ch
                case 1: scalars.insert(ch, at: min(pos, scalars.count))
                default: if !scalars.isEmpty { scalars.remove(at: pos) }
                }
            }
            if round % 10 == 0 {
                // Pure noise, sometimes very long digit runs that would overflow a naive parser.
                let length = Int.random(in: 0...60, using: &rng)
                scalars = (0..<length).map { _ in Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &rng)] }
                if round % 20 == 0 { scalars = Array(String(repeating: "9", count: 40).unicodeScalars) + scalars }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            if let date = FeedDate.parse(text) {
                parsed += 1
                // Whatever parses must format and re-parse to the same whole second.
                let again = FeedDate.parse(FeedDate.rfc3339(date))
                #expect(again.map { Int($0.timeIntervalSince1970) } == Int(date.timeIntervalSince1970.rounded(.down)))
            }
        }
        #expect(parsed > 100)
    }

    static let tags = [
        "p", "a", "img", "script", "SCRIPT", "style", "iframe", "b", "div", "svg", "object", "embed", "form", "math",
        "table", "td", "span", "x-custom",
    ]
    static let attributes = [
        "href=\"javascript:alert(1)\"", "onclick=\"evil()\"", "OnMouseOver=x", "src='java\tscript:x'",
        "href=\" JaVaScRiPt:x\"", "style=\"background:url(javascript:x)\"", "href=\"https://ok.example/\"",
        "src=\"data:text/html,<script>x</script>\"", "alt=\"a\"", "onload=x", "href=vbscript:x", "title=\"on=1\"",
    ]
    static let texts = [
        "Hallo", " & ", "<", ">", "&lt;script&gt;", "javascript:", "\"", "onclick=", "<!--", "-->", "<![CDATA[",
    ]

    @Test func sanitizerOutputIsSafeForTagSoup() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<1500 {
            var html = ""
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0, 1:
                    let tag = Self.tags.randomElement(using: &rng) ?? "p"
                    var attrs = ""
                    for _ in 0..<Int.random(in: 0...3, using: &rng) {
                        attrs += " " + (Self.attributes.randomElement(using: &rng) ?? "")
                    }
                    html += "<\(tag)\(attrs)>"
                case 2:
                    html += "</" + (Self.tags.randomElement(using: &rng) ?? "p") + ">"
                default:
                    html += Self.texts.randomElement(using: &rng) ?? ""
                }
            }
            let out = HTMLSanitizer.sanitize(html, baseURL: "https://lab.example.org/")
            let lower = out.lowercased()
            #expect(!lower.contains("<script"), "input: \(html)")
            #expect(!lower.contains("<iframe"), "input: \(html)")
            #expect(!lower.contains("<style"), "input: \(html)")
            #expect(lower.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil, "input: \(html)")
            // Text has `<` escaped, so every `<` in the output opens a real tag; look inside tags only.
            #expect(
                lower.range(of: #"<[^>]*=\s*"\s*(javascript|vbscript|data):"#, options: .regularExpression) == nil,
                "input: \(html)")
            #expect(lower.range(of: #"<[^>]*\sstyle\s*="#, options: .regularExpression) == nil, "input: \(html)")
        }
    }
}
