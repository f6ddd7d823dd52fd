import Foundation

extension EventTime {
    /// Reads an iCalendar DATE (`YYYYMMDD`) or DATE-TIME (`YYYYMMDDTHHMMSS`, `…Z`), told apart by shape.
    /// `HHMM` without seconds is accepted too, as some producers write it.
    public init?(iCalendar raw: String, tzid: String?) {
        // Values are ASCII; trimming spaces and tabs by byte keeps this off Foundation's slow path.
        var bytes = Array(raw.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        if let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), start > 0 {
            bytes.removeFirst(start)
        }
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
        guard date.isValid else { return nil }
        if bytes.count == 8 {
            self = .allDay(date)
            return
        }
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
        if tail.elementsEqual("Z".utf8) || tail.elementsEqual("z".utf8) {
            self = .utc(civil)
        } else if !tail.isEmpty {
            return nil
        } else if let tzid, !tzid.isEmpty {
            self = .zoned(civil, tzid: tzid)
        } else {
            self = .floating(civil)
        }
    }
}
