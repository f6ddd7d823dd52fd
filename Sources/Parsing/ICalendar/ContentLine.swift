import Foundation

/// One unfolded iCalendar content line: `NAME;PARAM=value,"quoted":VALUE`.
struct ContentLine: Sendable, Hashable {
    /// Upper-cased property name.
    var name: String
    /// Upper-cased parameter names to their values, quotes removed.
    var parameters: [String: [String]]
    var value: String
    /// 1-based line of the first physical line in the original text.
    var line: Int

    func parameter(_ name: String) -> String? { parameters[name]?.first }

    /// Unfolds `text` (CRLF, LF or CR line ends; continuation lines start with a space or a
    /// tab) into logical lines, each with the number of its first physical line.
    static func unfold(_ text: String) -> [(text: String, line: Int)] {
        var out: [(text: String, line: Int)] = []
        var lineNumber = 0
        var current: String?
        var currentLine = 0
        var scanner = text.unicodeScalars[...]
        while !scanner.isEmpty {
            lineNumber += 1
            var physical = String.UnicodeScalarView()
            while let scalar = scanner.first {
                scanner.removeFirst()
                if scalar == "\n" { break }
                if scalar == "\r" {
                    if scanner.first == "\n" { scanner.removeFirst() }
                    break
                }
                physical.append(scalar)
            }
            // Blank lines are noise some exporters put between folded pieces.
            if physical.isEmpty { continue }
            if let first = physical.first, first == " " || first == "\t", current != nil {
                current?.unicodeScalars.append(contentsOf: physical.dropFirst())
                continue
            }
            if let current, !current.isEmpty { out.append((current, currentLine)) }
            current = String(physical)
            currentLine = lineNumber
        }
        if let current, !current.isEmpty { out.append((current, currentLine)) }
        return out
    }

    /// Splits a logical line into name, parameters and value; nil when there is no `:`.
    init?(_ text: String, line: Int) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var name = String.UnicodeScalarView()
        while i < scalars.count, scalars[i] != ";", scalars[i] != ":" {
            name.append(scalars[i])
            i += 1
        }
        guard i < scalars.count else { return nil }
        var parameters: [String: [String]] = [:]
        while i < scalars.count, scalars[i] == ";" {
            i += 1
            var key = String.UnicodeScalarView()
            while i < scalars.count, scalars[i] != "=", scalars[i] != ";", scalars[i] != ":" {
                key.append(scalars[i])
                i += 1
            }
            var values: [String] = []
            if i < scalars.count, scalars[i] == "=" {
                i += 1
                var value = String.UnicodeScalarView()
                var quoted = false
                while i < scalars.count {
                    let c = scalars[i]
                    if c == "\"" {
                        quoted.toggle()
                    } else if !quoted, c == "," {
                        values.append(String(value))
                        value = String.UnicodeScalarView()
                    } else if !quoted, c == ";" || c == ":" {
                        break
                    } else {
                        value.append(c)
                    }
                    i += 1
                }
                values.append(String(value))
            }
            let k = String(key).trimmingCharacters(in: .whitespaces).uppercased()
            // `DTSTART;;VALUE=…` has a parameter without a name: not a content line.
            guard !k.isEmpty else { return nil }
            parameters[k, default: []] += values
        }
        guard i < scalars.count, scalars[i] == ":" else { return nil }
        let trimmedName = String(name).trimmingCharacters(in: .whitespaces).uppercased()
        guard !trimmedName.isEmpty else { return nil }
        self.name = trimmedName
        self.parameters = parameters
        var value = String.UnicodeScalarView()
        value.append(contentsOf: scalars[(i + 1)...])
        self.value = String(value)
        self.line = line
    }
}
