import FeedModel
import Foundation

/// Readers for iCalendar value types (TEXT, DATE, DATE-TIME, lists).
enum ICalValue {
    /// TEXT with `\n`, `\N`, `\,`, `\;` and `\\` unescaped; other backslashes are kept.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
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
        return items.map { unescape($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A DATE (`YYYYMMDD`) or DATE-TIME (`YYYYMMDDTHHMMSS`, `…Z`), told apart by shape.
    /// `HHMM` without seconds is accepted too, as some producers write it.
    static func time(_ raw: String, tzid: String?) -> EventTime? {
        let value = raw.trimmingCharacters(in: .whitespaces)
        let bytes = Array(value.utf8)
        func number(_ from: Int, _ length: Int) -> Int? {
            guard from + length <= bytes.count else { return nil }
            var n = 0
            for b in bytes[from..<from + length] {
                guard b >= 48, b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard let y = number(0, 4), let m = number(4, 2), let d = number(6, 2), (1...12).contains(m), d >= 1 else {
            return nil
        }
        let date = CivilDate(year: y, month: m, day: d)
        let lengths: [Int: Int] = [
            1: 31, 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 4: 30, 6: 30, 9: 30, 11: 30,
        ]
        guard d <= lengths[m, default: 31] else { return nil }
        if bytes.count == 8 { return .allDay(date) }
        guard bytes.count >= 13, bytes[8] == UInt8(ascii: "T") || bytes[8] == UInt8(ascii: "t"),
            let h = number(9, 2), let mi = number(11, 2)
        else { return nil }
        var rest = 13
        var s = 0
        if let sec = number(13, 2) {
            s = sec
            rest = 15
        }
        guard h < 24, mi < 60, s <= 60 else { return nil }
        let civil = CivilDateTime(date: date, hour: h, minute: mi, second: min(s, 59))
        let tail = bytes[rest...]
        if tail.elementsEqual("Z".utf8) || tail.elementsEqual("z".utf8) { return .utc(civil) }
        guard tail.isEmpty else { return nil }
        if let tzid, !tzid.isEmpty { return .zoned(civil, tzid: tzid) }
        return .floating(civil)
    }

    /// An instant from a DATE-TIME (LAST-MODIFIED, DTSTAMP); floating is read as UTC.
    static func instant(_ raw: String) -> Date? {
        guard let t = time(raw, tzid: nil), !t.isAllDay else { return nil }
        return t.civil.instant(in: utc)
    }

    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
}
