import FeedModel
import Foundation

/// Readers for iCalendar value types (TEXT, DATE, DATE-TIME, lists).
enum ICalValue {
    /// TEXT with `\n`, `\N`, `\,`, `\;` and `\\` unescaped; other backslashes are kept.
    static func unescape(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ $0.contains(0x5C) }) else { return text }
        // Escapes are ASCII, so bytes do; a non-ASCII byte next to an escape could join it into
        // one Character (a combining or prepended mark), which only the Character walk reads right.
        return text.withUTF8 { unescapeBytes($0) } ?? unescapeCharacters(text)
    }

    /// nil when a non-ASCII byte touches an escape (see `unescape`).
    static func unescapeBytes(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            guard c == 0x5C else {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < n else {
                out.append(0x5C)
                break
            }
            let next = b[i + 1]
            if next >= 0x80 || (i + 2 < n && b[i + 2] >= 0x80) || (i > 0 && b[i - 1] >= 0x80) { return nil }
            switch next {
            case 0x6E, 0x4E: out.append(0x0A)  // n N
            case 0x2C, 0x3B, 0x5C, 0x3A, 0x22: out.append(next)  // , ; \ : "
            default:
                out.append(0x5C)
                out.append(next)
            }
            i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 5545 TEXT unescaping by Character: the definition the byte path must agree with.
    static func unescapeCharacters(_ text: String) -> String {
        var out = ""
        var escaping = false
        for c in text {
            if escaping {
                switch c {
                case "n", "N": out.append("\n")
                case ",", ";", "\\", ":", "\"": out.append(c)
                default:
                    out.append("\\")
                    out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    /// A TEXT list split at commas that are not escaped, each item unescaped.
    static func textList(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var escaping = false
        for c in text {
            if escaping {
                current.append("\\")
                current.append(c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else if c == "," {
                items.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaping { current.append("\\") }
        items.append(current)
        return items.map { unescape($0).trimmedWhitespace }.filter { !$0.isEmpty }
    }

    /// A DATE or DATE-TIME value; see `EventTime(iCalendar:tzid:)`.
    static func time(_ raw: String, tzid: String?) -> EventTime? { EventTime(iCalendar: raw, tzid: tzid) }

    /// An instant from a DATE-TIME (LAST-MODIFIED, DTSTAMP); floating is read as UTC.
    static func instant(_ raw: String) -> Date? {
        guard let t = time(raw, tzid: nil), !t.isAllDay else { return nil }
        // Foundation's calendar is Julian before 1582; after, plain arithmetic is the same.
        if t.civil.date.year > 1600 { return Date(timeIntervalSince1970: TimeInterval(t.civil.secondsSince1970)) }
        return t.civil.instant(in: utc)
    }

    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
}
