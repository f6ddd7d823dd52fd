import Foundation

/// One unfolded iCalendar content line: `NAME;PARAM=value,"quoted":VALUE`.
struct ContentLine: Sendable, Hashable {
    /// Upper-cased property name.
    var name: String
    /// Parameters in the order written, names upper-cased, quotes removed; a list, not a
    /// dictionary, since most lines have none or one and a dictionary per line costs more.
    var parameters: [Parameter]
    var value: String
    /// 1-based line of the first physical line in the original text.
    var line: Int

    /// One `NAME=value,value` parameter.
    struct Parameter: Sendable, Hashable {
        var name: String
        var values: [String]
    }

    /// The first value given for `name` (a name written twice counts as one list of values).
    func parameter(_ name: String) -> String? {
        for p in parameters where p.name == name {
            if let first = p.values.first { return first }
        }
        return nil
    }

    /// What one logical line holds: a content line, or text that is none.
    enum Scanned {
        case content(ContentLine)
        case invalid(String, line: Int)
    }

    /// Unfolds `bytes` (CRLF, LF or CR line ends; continuation lines start with a space or a
    /// tab) into logical lines and splits each, in order; a line's number is that of its first
    /// physical line.
    ///
    /// Byte-level: line ends and folds are ASCII, so UTF-8 sequences are never split, and an
    /// unfolded line is split where it lies, without a `String` of the whole line first.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (Scanned) -> Void) {
        var folded: [UInt8] = []
        // The pending logical line: bytes `first` of the text, plus `folded` once continued.
        var first = 0..<0
        var isFolded = false
        var open = false
        var currentLine = 0
        var lineNumber = 0
        var i = 0
        let n = bytes.count
        func flush() {
            guard open else { return }
            if isFolded {
                folded.withUnsafeBufferPointer { emit($0, currentLine, visit) }
            } else if !first.isEmpty {
                emit(UnsafeBufferPointer(rebasing: bytes[first]), currentLine, visit)
            }
        }
        while i < n {
            lineNumber += 1
            var end = i
            while end < n, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let next = end < n && bytes[end] == 0x0D && end + 1 < n && bytes[end + 1] == 0x0A ? end + 2 : end + 1
            defer { i = next }
            // Blank lines are noise some exporters put between folded pieces.
            if end == i { continue }
            let lead = bytes[i]
            if (lead == 0x20 || lead == 0x09), open {
                if !isFolded {
                    folded.removeAll(keepingCapacity: true)
                    folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[first]))
                    isFolded = true
                }
                folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end]))
                continue
            }
            flush()
            first = i..<end
            isFolded = false
            open = true
            currentLine = lineNumber
        }
        flush()
    }

    private static func emit(_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ visit: (Scanned) -> Void) {
        if line.isEmpty { return }
        if let (name, parameters, value) = parse(line) {
            visit(.content(ContentLine(name: name, parameters: parameters, value: value, line: number)))
        } else {
            visit(.invalid(String(decoding: line, as: UTF8.self), line: number))
        }
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> (String, [Parameter], String)? {
        let n = b.count
        var i = 0
        while i < n, b[i] != 0x3B, b[i] != 0x3A { i += 1 }  // ; :
        guard i < n else { return nil }
        let name = upper(b, 0, i)
        guard !name.isEmpty else { return nil }
        var parameters: [Parameter] = []
        while i < n, b[i] == 0x3B {
            i += 1
            let keyStart = i
            while i < n, b[i] != 0x3D, b[i] != 0x3B, b[i] != 0x3A { i += 1 }  // = ; :
            let key = upper(b, keyStart, i)
            var values: [String] = []
            if i < n, b[i] == 0x3D {
                i += 1
                var value: [UInt8] = []
                var quoted = false
                while i < n {
                    let c = b[i]
                    if c == 0x22 {
                        quoted.toggle()
                    } else if !quoted, c == 0x2C {
                        values.append(String(decoding: value, as: UTF8.self))
                        value.removeAll(keepingCapacity: true)
                    } else if !quoted, c == 0x3B || c == 0x3A {
                        break
                    } else {
                        value.append(c)
                    }
                    i += 1
                }
                values.append(String(decoding: value, as: UTF8.self))
            }
            // `DTSTART;;VALUE=…` has a parameter without a name: not a content line.
            guard !key.isEmpty else { return nil }
            parameters.append(Parameter(name: key, values: values))
        }
        guard i < n, b[i] == 0x3A else { return nil }
        let value = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)...]), as: UTF8.self)
        return (name, parameters, value)
    }

    /// Bytes `from..<to`, trimmed of spaces and tabs, ASCII letters upper-cased.
    private static func upper(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        var start = from
        var end = to
        while start < end, b[start] == 0x20 || b[start] == 0x09 { start += 1 }
        while end > start, b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 }
        let slice = UnsafeBufferPointer(rebasing: b[start..<end])
        // Names are nearly always upper case already: then no copy is needed.
        if !slice.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return String(decoding: slice, as: UTF8.self) }
        var bytes = Array(slice)
        for k in bytes.indices where bytes[k] >= 0x61 && bytes[k] <= 0x7A { bytes[k] -= 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
