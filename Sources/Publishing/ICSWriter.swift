import Foundation

/// Writes iCalendar content lines: CRLF, folded at 75 octets without splitting a UTF-8 sequence.
struct ICSWriter {
    private(set) var text = ""

    mutating func line(_ name: String, _ value: String, _ parameters: [(String, String)] = []) {
        var line = name
        for (key, value) in parameters { line += ";\(key)=\(Self.parameterValue(value))" }
        line += ":" + value
        append(folded: line)
    }

    mutating func text(_ name: String, _ value: String) { line(name, TextEscaping.icsText(value)) }

    private mutating func append(folded line: String) {
        var octets = 0
        var limit = 75
        for character in line.unicodeScalars {
            let width = String(character).utf8.count
            if octets + width > limit {
                text += "\r\n "
                octets = 1
                limit = 75
            }
            text.unicodeScalars.append(character)
            octets += width
        }
        text += "\r\n"
    }

    /// Quotes a parameter value when it holds characters that end a parameter.
    private static func parameterValue(_ value: String) -> String {
        let cleaned = value.filter { $0 != "\"" && !$0.isNewline }
        return cleaned.contains(where: { ":;,".contains($0) }) ? "\"\(cleaned)\"" : cleaned
    }
}
