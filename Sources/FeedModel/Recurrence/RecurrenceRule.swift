import Foundation

/// An RRULE value split into its parts, as far as the expander supports them.
struct RecurrenceRule: Sendable, Hashable {
    enum Frequency: Int, Sendable, Hashable {
        case secondly, minutely, hourly, daily, weekly, monthly, yearly
    }

    /// A BYDAY entry: `ordinal` 0 means every such weekday in the period.
    struct WeekdayNum: Sendable, Hashable {
        var ordinal: Int
        /// 0 = Monday … 6 = Sunday.
        var weekday: Int
    }

    var frequency: Frequency
    var interval = 1
    var count: Int?
    var until: EventTime?
    var bySecond: [Int] = []
    var byMinute: [Int] = []
    var byHour: [Int] = []
    var byDay: [WeekdayNum] = []
    var byMonthDay: [Int] = []
    var byYearDay: [Int] = []
    var byWeekNo: [Int] = []
    var byMonth: [Int] = []
    var bySetPos: [Int] = []
    /// 0 = Monday (the RFC default) … 6 = Sunday.
    var weekStart = 0

    static let weekdayNames = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// Trimmed of `.whitespaces`; Foundation is asked only when an end could be whitespace,
    /// since rules are read once per event.
    private static func trimmed(_ s: Substring) -> Substring {
        guard let first = s.utf8.first, let last = s.utf8.last else { return s }
        func plain(_ b: UInt8) -> Bool { b != 0x20 && b != 0x09 && b < 0x80 }
        if plain(first), plain(last) { return s }
        return Substring(s.trimmingCharacters(in: .whitespaces))
    }

    /// `s` upper-cased; as it is (no copy) when it holds only ASCII without lower-case letters,
    /// which nearly every rule does.
    private static func upper(_ s: Substring) -> Substring {
        if s.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x61 && $0 <= 0x7A) }) { return s }
        return Substring(s.uppercased())
    }

    /// Nil when the rule is malformed or uses a part the expander cannot honour; the caller
    /// then keeps only DTSTART rather than guess at instances.
    init?(_ text: String) {
        var frequency: Frequency?
        var rule = RecurrenceRule(frequency: .daily)
        let read = Self.forEachPart(of: text) { name, text in
            let key = Self.upper(Self.trimmed(name))
            let value = Self.upper(Self.trimmed(text))
            switch key {
            case "FREQ":
                switch value {
                case "SECONDLY": frequency = .secondly
                case "MINUTELY": frequency = .minutely
                case "HOURLY": frequency = .hourly
                case "DAILY": frequency = .daily
                case "WEEKLY": frequency = .weekly
                case "MONTHLY": frequency = .monthly
                case "YEARLY": frequency = .yearly
                default: return false
                }
            case "INTERVAL":
                guard let n = Int(value), n >= 1 else { return false }
                rule.interval = n
            case "COUNT":
                guard let n = Int(value), n >= 0 else { return false }
                rule.count = n
            case "UNTIL":
                guard let t = EventTime(iCalendar: String(value), tzid: nil) else { return false }
                rule.until = t
            case "BYSECOND":
                guard let v = Self.ints(value, 0...60, negative: false) else { return false }; rule.bySecond = v
            case "BYMINUTE":
                guard let v = Self.ints(value, 0...59, negative: false) else { return false }; rule.byMinute = v
            case "BYHOUR":
                guard let v = Self.ints(value, 0...23, negative: false) else { return false }; rule.byHour = v
            case "BYMONTHDAY":
                guard let v = Self.ints(value, 1...31, negative: true) else { return false }; rule.byMonthDay = v
            case "BYYEARDAY":
                guard let v = Self.ints(value, 1...366, negative: true) else { return false }; rule.byYearDay = v
            case "BYWEEKNO":
                guard let v = Self.ints(value, 1...53, negative: true) else { return false }; rule.byWeekNo = v
            case "BYMONTH":
                guard let v = Self.ints(value, 1...12, negative: false) else { return false }; rule.byMonth = v
            case "BYSETPOS":
                guard let v = Self.ints(value, 1...366, negative: true) else { return false }; rule.bySetPos = v
            case "BYDAY":
                var days: [WeekdayNum] = []
                for item in value.split(separator: ",") {
                    guard let d = Self.weekdayNum(String(item)) else { return false }
                    days.append(d)
                }
                rule.byDay = days
            case "WKST":
                guard let i = Self.weekdayNames.firstIndex(where: { $0 == value }) else { return false }
                rule.weekStart = i
            default:
                // X- parts are extensions that do not change the set; anything else (RSCALE,
                // SKIP, …) would, so the rule is refused.
                if !key.hasPrefix("X-") { return false }
            }
            return true
        }
        guard read, let frequency else { return nil }
        rule.frequency = frequency
        self = rule
    }

    private init(frequency: Frequency) { self.frequency = frequency }

    /// Calls `visit` with the name and value of each `NAME=VALUE` part, as splitting at `;` and
    /// then once at `=` (both omitting empty pieces) would give them; false when a part is not
    /// such a pair or `visit` says so. ASCII rules (nearly all) are cut by byte, without arrays.
    /// `byCharacter` forces the Character path (tests compare the two).
    static func forEachPart(
        of text: String, byCharacter: Bool = false, _ visit: (Substring, Substring) -> Bool
    ) -> Bool {
        guard !byCharacter, text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            // By Character: a combining mark may join a separator into another Character.
            for part in text.split(separator: ";", omittingEmptySubsequences: true) {
                let pieces = part.split(separator: "=", maxSplits: 1)
                guard pieces.count == 2, visit(pieces[0], pieces[1]) else { return false }
            }
            return true
        }
        let all = text[...]
        let bytes = all.utf8
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let end = bytes[i...].firstIndex(of: 0x3B) ?? bytes.endIndex
            defer { i = end < bytes.endIndex ? bytes.index(after: end) : end }
            if i == end { continue }
            // Leading `=` are empty pieces, left out; then the name up to the next `=`.
            var nameStart = i
            while nameStart < end, bytes[nameStart] == 0x3D { nameStart = bytes.index(after: nameStart) }
            guard nameStart < end, let equals = bytes[nameStart..<end].firstIndex(of: 0x3D) else { return false }
            let valueStart = bytes.index(after: equals)
            guard valueStart < end, visit(all[nameStart..<equals], all[valueStart..<end]) else { return false }
        }
        return true
    }

    private static func ints(_ value: Substring, _ range: ClosedRange<Int>, negative: Bool) -> [Int]? {
        var out: [Int] = []
        for item in value.split(separator: ",") {
            guard let n = Int(item.hasPrefix("+") ? item.dropFirst() : item) else { return nil }
            if range.contains(n) || (negative && range.contains(-n)) {
                out.append(n)
            } else {
                return nil
            }
        }
        return out.isEmpty ? nil : out
    }

    private static func weekdayNum(_ text: String) -> WeekdayNum? {
        guard text.count >= 2 else { return nil }
        let name = String(text.suffix(2))
        guard let weekday = weekdayNames.firstIndex(of: name) else { return nil }
        var prefix = String(text.dropLast(2))
        if prefix.hasPrefix("+") { prefix.removeFirst() }
        if prefix.isEmpty { return WeekdayNum(ordinal: 0, weekday: weekday) }
        guard let n = Int(prefix), n != 0, (-53...53).contains(n) else { return nil }
        return WeekdayNum(ordinal: n, weekday: weekday)
    }
}
