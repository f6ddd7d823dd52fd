import FeedModel
import Foundation

/// Readers for iCalendar value types (TEXT, DATE, DATE-TIME, lists).
enum ICalValue {
    /// TEXT with `\n`, `\N`, `\,`, `\;` and `\\` unescaped; other backslashes are kept.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
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
        return t.civil.instant(in: utc)
    }

    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
}
