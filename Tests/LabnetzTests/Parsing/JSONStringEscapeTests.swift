import Foundation
import Testing

@testable import Parsing

/// The hand-written JSON strings must keep the bytes Foundation's writers produce (goldens, ETags).
@Suite struct JSONStringEscapeTests {
    static let awkward: [String] = [
        "plain", "", "quote \" backslash \\ slash / end", "emoji 🧑‍🤝‍🧑 and ü", "line\u{2028}sep",
        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}",
    ]

    @Test func encoderFlavourIsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for text in Self.awkward {
            var ours = ""
            JSONStringEscape.appendQuoted(text, to: &ours, as: .encoder)
            #expect(ours == String(decoding: try encoder.encode(text), as: UTF8.self), "\(text.debugDescription)")
        }
    }

    @Test func serializationFlavourIsWhatJSONSerializationWrites() throws {
        for text in Self.awkward {
            let theirs = try JSONSerialization.data(withJSONObject: ["error": text])
            let expected = String(decoding: theirs, as: UTF8.self)
            #expect(DocumentSummary.errorJSON(text) == expected, "\(text.debugDescription)")
        }
    }
}
