import FeedModel
import Foundation

/// What the matcher compares of one event, computed once per item so scoring a pair is cheap.
struct EventFeatures: Sendable {
    /// Significant title tokens (see `MatchVocabulary.titleTokens`), sorted, as interned ids.
    var titleTokens: [Int32]
    /// The same tokens in title order, as ids and as text (to compare what two titles do not share).
    var titleOrder: [Int32]
    var titleWords: [String]
    /// Tokens of the title's first part, before a subtitle ("…: …", "… – …", "… (…)"), sorted;
    /// empty when there is no subtitle or the first part is only generic words.
    var headTokens: [Int32]
    /// Four-letter prefixes and suffixes of the tokens: the keys that make two events candidates
    /// (suffixes catch compounds: "Digitalsprechstunde" and "Sprechstunde").
    var blockingKeys: [String]
    /// The hub-zone calendar day the event starts on, as YYYYMMDD.
    var day: Int
    /// Seconds since 1970 for timed starts; nil for all-day events.
    var instant: Int?
    var isSeries: Bool
    /// FREQ, INTERVAL and the weekdays or month days of the first RRULE, and the local start time:
    /// two series with the same signature repeat on the same days at the same time.
    var seriesKey: String?
    var locationTokens: [Int32]
    var postalCode: String?
    /// The member city (or city after a postal code) named in the location.
    var city: String?

    init(_ event: Event, hubZone: TimeZone, vocabulary: MatchVocabulary, interner: inout TokenInterner) {
        let tokens = vocabulary.titleTokens(event.title)
        // A title made only of generic words ("Stammtisch") still has to match something.
        let significant = tokens.isEmpty ? MatchVocabulary.rawTokens(event.title) : tokens
        titleWords = significant
        titleOrder = significant.map { interner.id($0) }
        titleTokens = titleOrder.sorted()
        let head = Self.head(of: event.title)
        headTokens = head == event.title ? [] : vocabulary.titleTokens(head).map { interner.id($0) }.sorted()
        blockingKeys = Array(Set(significant.flatMap { [String($0.prefix(4)), "~" + $0.suffix(4)] })).sorted()
        let local: CivilDateTime
        if case .allDay(let date) = event.start {
            local = CivilDateTime(date: date, hour: 0, minute: 0, second: 0)
            instant = nil
        } else {
            let seconds = Int(event.start.instant(hub: hubZone).timeIntervalSince1970)
            instant = seconds
            local = CivilDateTime(Date(timeIntervalSince1970: TimeInterval(seconds)), in: hubZone)
        }
        day = local.date.year * 10000 + local.date.month * 100 + local.date.day
        isSeries = !event.rrules.isEmpty
        seriesKey = event.rrules.first.map { rule in
            Self.seriesSignature(rule, start: local, allDay: event.start.isAllDay)
        }
        let place = event.location.map(vocabulary.locationTokens) ?? []
        locationTokens = place.map { interner.id($0) }.sorted()
        postalCode = place.first { $0.count == 5 && $0.allSatisfy(\.isNumber) }
        city =
            place.first { vocabulary.cities.contains($0) }
            ?? postalCode.flatMap { code in
                place.firstIndex(of: code).flatMap { $0 + 1 < place.count ? place[$0 + 1] : nil }
            }
    }

    /// The title up to the first subtitle separator.
    static func head(of title: String) -> String {
        var end = title.endIndex
        for separator in [":", "(", " – ", " — ", " - ", " | ", "!"] {
            if let range = title.range(of: separator), range.lowerBound < end { end = range.lowerBound }
        }
        return String(title[..<end])
    }

    static func trigrams(_ text: String) -> [UInt32] {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return bytes.isEmpty ? [] : [bytes.reduce(0) { $0 << 8 | UInt32($1) }] }
        var out = Set<UInt32>()
        for i in 0..<(bytes.count - 2) {
            out.insert(UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]))
        }
        return out.sorted()
    }

    /// The parts of a rule that say on which days it repeats; UNTIL, COUNT and WKST do not.
    static func seriesSignature(_ rule: String, start: CivilDateTime, allDay: Bool) -> String {
        var parts: [String: String] = [:]
        for part in rule.uppercased().split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { parts[pair[0]] = pair[1] }
        }
        let freq = parts["FREQ"] ?? "?"
        var days = parts["BYDAY"].map { $0.split(separator: ",").sorted().joined(separator: ",") } ?? ""
        if days.isEmpty && freq == "WEEKLY" {
            days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.date.weekdayIndex]
        }
        let time = allDay ? "allday" : String(format: "%02d:%02d", start.hour, start.minute)
        return [freq, parts["INTERVAL"] ?? "1", days, parts["BYMONTHDAY"] ?? "", parts["BYSETPOS"] ?? "", time]
            .joined(separator: "|")
    }
}

/// Gives every distinct token a small integer, so token sets compare as sorted integer arrays.
struct TokenInterner: Sendable {
    private var ids: [String: Int32] = [:]

    var count: Int { ids.count }

    mutating func id(_ token: String) -> Int32 {
        if let id = ids[token] { return id }
        let id = Int32(ids.count)
        ids[token] = id
        return id
    }
}

/// How many values two sorted, repeat-free arrays share.
func sharedCount<T: Comparable>(_ a: [T], _ b: [T]) -> Int {
    var (i, j, count) = (0, 0, 0)
    while i < a.count && j < b.count {
        if a[i] == b[j] {
            count += 1
            i += 1
            j += 1
        } else if a[i] < b[j] {
            i += 1
        } else {
            j += 1
        }
    }
    return count
}
