import Foundation

/// One STANDARD or DAYLIGHT block of a VTIMEZONE: from its onsets on, `offsetTo` is in force.
public struct ZoneObservance: Sendable, Hashable {
    public var isDaylight: Bool
    /// DTSTART: the first onset, as local time in `offsetFrom`.
    public var start: CivilDateTime
    public var offsetFrom: Int
    public var offsetTo: Int
    public var rrules: [String]
    /// RDATE values: local times in `offsetFrom`, or UTC.
    public var rdates: [EventTime]
    public var name: String?

    public init(
        isDaylight: Bool, start: CivilDateTime, offsetFrom: Int, offsetTo: Int, rrules: [String] = [],
        rdates: [EventTime] = [], name: String? = nil
    ) {
        self.isDaylight = isDaylight
        self.start = start
        self.offsetFrom = offsetFrom
        self.offsetTo = offsetTo
        self.rrules = rrules
        self.rdates = rdates
        self.name = name
    }

    /// A UTC-OFFSET value (`+0100`, `-0530`, `+013045`) in seconds; nil when it is not one.
    public static func offset(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        let digits = t.dropFirst()
        guard digits.count == 4 || digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        let n = digits.compactMap { Int(String($0)) }
        let hours = n[0] * 10 + n[1]
        let minutes = n[2] * 10 + n[3]
        let seconds = n.count == 6 ? n[4] * 10 + n[5] : 0
        guard minutes < 60, seconds < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds)
    }

    /// Every onset up to the end of `lastYear`, in UTC seconds.
    func onsets(lastYear: Int) -> [Int] {
        var out = [CivilMath.seconds(start) - offsetFrom]
        let stop = CivilDate(year: lastYear, month: 12, day: 31)
        for text in rrules {
            guard let rule = RecurrenceRule(text) else { continue }
            RuleIterator(rule: rule, start: start, allDay: false).forEach(
                // Onsets before 1900 only matter to times no calendar here uses.
                skipTo: CivilDate(year: 1900, month: 1, day: 1), stopAfter: stop, maxSteps: 20_000,
                isPastUntil: { civil in
                    guard let until = rule.until else { return false }
                    switch until {
                    case .utc(let u): return CivilMath.seconds(civil) - offsetFrom > CivilMath.seconds(u)
                    case .allDay(let d): return civil.date > d
                    default: return civil > until.civil
                    }
                },
                visit: { civil in
                    out.append(CivilMath.seconds(civil) - offsetFrom)
                    return true
                })
        }
        for rdate in rdates {
            if case .utc(let c) = rdate {
                out.append(CivilMath.seconds(c))
            } else {
                out.append(CivilMath.seconds(rdate.civil) - offsetFrom)
            }
        }
        return out
    }
}

extension ZoneRules {
    /// The rules a VTIMEZONE defines, with its RRULE onsets listed up to the end of `lastYear`.
    /// Before the first onset the first observance's TZOFFSETFROM is in force.
    public init?(observances: [ZoneObservance], lastYear: Int = 2100) {
        guard !observances.isEmpty else { return nil }
        var transitions: [(Int, Int)] = []
        var first: (Int, Int)?
        for o in observances {
            for onset in o.onsets(lastYear: lastYear) {
                transitions.append((onset, o.offsetTo))
                if first == nil || onset < first!.0 { first = (onset, o.offsetFrom) }
            }
        }
        self.init(transitions: transitions, initialOffset: first?.1 ?? observances[0].offsetFrom)
    }

    /// Whether this zone and `zone` give the same offset at every transition of this one and
    /// in the middle of every month from `years.lowerBound` to `years.upperBound`.
    public func agrees(with zone: TimeZone, years: ClosedRange<Int>) -> Bool {
        func same(_ s: Int) -> Bool {
            offset(atUTC: s) == zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(s)))
        }
        let lower = CivilMath.seconds(CivilDateTime(year: years.lowerBound, month: 1, day: 1, hour: 0, minute: 0))
        let upper = CivilMath.seconds(CivilDateTime(year: years.upperBound + 1, month: 1, day: 1, hour: 0, minute: 0))
        for t in transitions where t >= lower && t < upper {
            if !same(t) || !same(t - 1) { return false }
        }
        for year in years {
            for month in 1...12 {
                let mid = CivilMath.seconds(CivilDateTime(year: year, month: month, day: 15, hour: 12, minute: 0))
                if !same(mid) { return false }
            }
        }
        return true
    }
}
