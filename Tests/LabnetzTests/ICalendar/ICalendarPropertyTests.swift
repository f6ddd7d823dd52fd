import Foundation
import Testing

@testable import FeedModel
@testable import Parsing
@testable import Publishing

/// Properties that must hold for every input, checked over all fixtures and generated values.
@Suite("iCalendar properties")
struct ICalendarPropertyTests {
    static let fixtures: [String] = {
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/ics")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".ics") }.sorted()
    }()

    /// The top-level components of each VCALENDAR in reverse order (VTIMEZONEs after the events
    /// that use them, overrides before their master).
    static func reversedComponents(_ text: String) -> String {
        var out: [String] = []
        var blocks: [[String]] = []
        var depth = 0
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            let upper = line.uppercased()
            if upper.hasPrefix("BEGIN:") { depth += 1 }
            if depth >= 2 {
                if depth == 2, upper.hasPrefix("BEGIN:") { blocks.append([]) }
                blocks[blocks.count - 1].append(String(line))
            } else if upper.hasPrefix("END:VCALENDAR") {
                out += blocks.reversed().flatMap { $0 }
                blocks = []
                out.append(String(line))
            } else {
                out.append(String(line))
            }
            if upper.hasPrefix("END:") { depth -= 1 }
        }
        return out.joined(separator: "\r\n")
    }

    private static func occurrences(_ text: String) throws -> [[String: String]] {
        let raw = try ICSFixture.raw(text: text)
        let json = try ICSFixture.inspect(
            raw,
            window: InspectWindow(
                from: CivilDate(year: 2020, month: 1, day: 1), to: CivilDate(year: 2027, month: 12, day: 31)),
            limit: 400)
        let rows = try #require(json["occurrences"] as? [[String: Any]])
        return rows.map { row in row.compactMapValues { $0 as? String ?? ($0 as? Bool).map(String.init) } }
    }

    @Test(arguments: fixtures)
    func reversedComponentOrderGivesTheSameOccurrences(file: String) throws {
        let text = String(decoding: try ICSFixture.data(file), as: UTF8.self)
        let reversed = Self.reversedComponents(text)
        let components =
            text.components(separatedBy: "BEGIN:VEVENT").count + text.components(separatedBy: "BEGIN:VTIMEZONE").count
            - 2
        #expect(components < 2 || reversed != text)
        #expect(try Self.occurrences(reversed) == Self.occurrences(text), "\(file)")
    }

    /// Text values with everything TEXT escaping has to survive: separators, backslashes, line
    /// breaks, tabs, leading and trailing spaces, and characters of 2, 3 and 4 UTF-8 octets.
    static func randomText(_ state: inout UInt64) -> String {
        let alphabet: [String] = [
            "a", "Z", "7", " ", ",", ";", ":", "\\", "\\n", "\n", "\t", "\"", "'", "ä", "ß", "€", "–", "語",
            "🚲", "👩‍🔧", "e\u{301}", "=", "/", "\\,", "x",
        ]
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let length = Int(state >> 58) * 4 + Int(state >> 60)
        var s = ""
        for _ in 0..<length {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            s += alphabet[Int(state >> 33) % alphabet.count]
        }
        return s
    }

    @Test func textSurvivesSerializeAndParseAndFoldedLinesStayWithin75Octets() throws {
        var state: UInt64 = 42
        for _ in 0..<500 {
            let value = Self.randomText(&state)
            var writer = ICSWriter()
            writer.line("BEGIN", "VCALENDAR")
            writer.line("BEGIN", "VEVENT")
            writer.line("UID", "p@test")
            writer.line("DTSTART", "20250101T100000Z")
            writer.text("SUMMARY", value)
            writer.text("LOCATION", value + value)
            writer.line("END", "VEVENT")
            writer.line("END", "VCALENDAR")
            let bytes = Array(writer.text.utf8)
            var line: [UInt8] = []
            for (i, b) in bytes.enumerated() {
                if b == 0x0D {
                    #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "bare CR")
                    #expect(line.count <= 75)
                    #expect(String(validating: line, as: UTF8.self) != nil, "a fold split a UTF-8 sequence")
                    line = []
                } else if b != 0x0A {
                    line.append(b)
                }
            }
            let event = try #require(try ICSFixture.raw(text: writer.text).events.first)
            #expect(event.summary == value, "\(value.debugDescription)")
            #expect(event.location == value + value)
        }
    }

    @Test func unescapingOnBytesReadsWhatTheCharacterWalkReads() {
        // Marks that join a backslash or an escaped letter into one Character are the hard cases.
        let alphabet: [String] = [
            "\\", "n", "N", ",", ";", ":", "\"", "t", "a", " ", "\r\n", "\u{301}", "\u{600}", "\u{200D}", "é", "語",
            "🚲", "👩‍🔧",
        ]
        var random = SplitMix64(seed: 4)
        var byteReadings = 0
        for _ in 0..<3_000 {
            let length = Int(random.next() % 12)
            let text = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            let byCharacter = ICalValue.unescapeCharacters(text)
            var utf8 = text
            if let byBytes = utf8.withUTF8({ ICalValue.unescapeBytes($0) }) {
                byteReadings += 1
                #expect(Array(byBytes.utf8) == Array(byCharacter.utf8), "\(text.debugDescription)")
            }
            #expect(Array(ICalValue.unescape(text).utf8) == Array(byCharacter.utf8), "\(text.debugDescription)")
        }
        // Both paths were exercised: most strings on bytes, the marks next to escapes by Character.
        #expect(byteReadings > 1_000 && byteReadings < 3_000)
    }

    @Test func ruleCutByByteReadsWhatSplittingByCharacterReads() {
        // Empty parts, runs of `=` and `;`, spaces and a CR LF (one Character) are the hard cases.
        let alphabet = ["=", ";", "FREQ", "daily", "X-A", " ", "\t", "3", "\r\n", "==", ";;"]
        var random = SplitMix64(seed: 5)
        var accepted = 0
        for _ in 0..<3_000 {
            let length = Int(random.next() % 9)
            let text = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            func parts(byCharacter: Bool) -> [String] {
                var seen: [String] = []
                let read = RecurrenceRule.forEachPart(of: text, byCharacter: byCharacter) { name, value in
                    seen.append("\(name)|\(value)")
                    return true
                }
                return seen + [read ? "read" : "refused"]
            }
            let byBytes = parts(byCharacter: false)
            #expect(byBytes == parts(byCharacter: true), "\(text.debugDescription)")
            if byBytes.last == "read" { accepted += 1 }
        }
        // Both outcomes were exercised.
        #expect(accepted > 100 && accepted < 2_900)
    }
}
