import FeedModel
import Foundation

/// What the matcher compares of one event, computed once per item so scoring a pair is cheap.
/// A class: candidates are looked up by index many times, and a struct of a dozen arrays would be
/// copied (a retain per array) each time. Its five token lists share one array: one allocation
/// per item instead of five, which at 100k items were half a million small blocks to free.
final class EventFeatures: Sendable {
    /// The token lists one after the other; `*End` say where each ends.
    private let tokens: [Int32]
    private let titleEnd: Int
    private let orderEnd: Int
    private let headEnd: Int
    private let keysEnd: Int

    /// Significant title tokens (see `TokenInterner.titleTokens`), sorted, as interned ids.
    var titleTokens: ArraySlice<Int32> { tokens[0..<titleEnd] }
    /// The same tokens in title order (to compare what two titles do not share).
    var titleOrder: ArraySlice<Int32> { tokens[titleEnd..<orderEnd] }
    /// Tokens of the title's first part, before a subtitle ("…: …", "… – …", "… (…)"), sorted;
    /// empty when there is no subtitle or the first part is only generic words.
    var headTokens: ArraySlice<Int32> { tokens[orderEnd..<headEnd] }
    /// Four-letter prefixes and suffixes of the tokens: the keys that make two events candidates
    /// (suffixes catch compounds: "Digitalsprechstunde" and "Sprechstunde").
    /// Interned (see `TokenInterner.blockingKeys`), sorted.
    var blockingKeys: ArraySlice<Int32> { tokens[headEnd..<keysEnd] }
    /// Location tokens, interned, sorted.
    var locationTokens: ArraySlice<Int32> { tokens[keysEnd...] }
    /// The hub-zone calendar day the event starts on, as YYYYMMDD.
    let day: Int
    /// Seconds since 1970 for timed starts; nil for all-day events.
    let instant: Int?
    let isSeries: Bool
    /// FREQ, INTERVAL and the weekdays or month days of the first RRULE, and the local start time:
    /// two series with the same signature repeat on the same days at the same time.
    let seriesKey: String?
    let postalCode: String?
    /// The member city (or city after a postal code) named in the location, interned.
    let city: Int32?

    /// `instant` is the start in seconds since 1970, `local` its wall-clock time in the hub zone.
    convenience init(
        _ event: Event, instant start: Int, local: CivilDateTime, vocabulary: MatchVocabulary,
        interner: inout TokenInterner
    ) {
        let title = MatchVocabulary.rawTokens(event.title, buffer: &interner.buffer)
        let head = Self.head(of: event.title).map { MatchVocabulary.rawTokens($0, buffer: &interner.buffer) }
        let place = event.location.map { vocabulary.locationTokens($0, buffer: &interner.buffer) } ?? []
        self.init(
            titleWords: title, headWords: head, placeWords: place, allDay: event.start.isAllDay,
            rrule: event.rrules.first, instant: start, local: local, vocabulary: vocabulary, interner: &interner)
    }

    /// From the folded words of the title (`MatchVocabulary.rawTokens`), of its head before a
    /// subtitle (nil when it has none), of the location (`MatchVocabulary.locationTokens`), and
    /// the other fields that matter: the merger folds the texts of all items beforehand
    /// (`FoldedTexts`), since a copy of the whole event would retain every one of its fields.
    init(
        titleWords raw: [String], headWords: [String]?, placeWords place: [String], allDay: Bool, rrule: String?,
        instant start: Int, local: CivilDateTime, vocabulary: MatchVocabulary, interner: inout TokenInterner
    ) {
        var order = interner.titleTokens(raw, vocabulary: vocabulary)
        if order.isEmpty {
            // A title made only of generic words ("Stammtisch") still has to match something.
            order = raw.map { interner.id($0) }
        }
        let head = headWords.map { interner.titleTokens($0, vocabulary: vocabulary).sorted() } ?? []
        var keys: [Int32] = []
        keys.reserveCapacity(2 * order.count)
        for id in order { keys.append(contentsOf: interner.blockingKeys(id)) }
        keys.sortAndDropRepeats()
        instant = allDay ? nil : start
        day = local.date.year * 10000 + local.date.month * 100 + local.date.day
        isSeries = rrule != nil
        seriesKey = rrule.map { rule in
            Self.seriesSignature(rule, start: local, allDay: allDay)
        }
        var all: [Int32] = []
        all.reserveCapacity(2 * order.count + head.count + keys.count + place.count)
        all.append(contentsOf: order.sorted())
        titleEnd = all.count
        all.append(contentsOf: order)
        orderEnd = all.count
        all.append(contentsOf: head)
        headEnd = all.count
        all.append(contentsOf: keys)
        keysEnd = all.count
        let placeStart = all.count
        for word in place { all.append(interner.id(word)) }
        all[placeStart...].sort()
        tokens = all
        let postal = place.first { $0.count == 5 && $0.allSatisfy(\.isNumber) }
        postalCode = postal
        let cityName =
            place.first { vocabulary.cities.contains($0) }
            ?? postal.flatMap { code in
                place.firstIndex(of: code).flatMap { $0 + 1 < place.count ? place[$0 + 1] : nil }
            }
        city = cityName.map { interner.id($0) }
    }

    /// The title up to the first subtitle separator: ":", "(", "!", or a free-standing dash or bar;
    /// nil when there is none.
    static func head(of title: String) -> String? {
        let scalars = title.unicodeScalars
        var previous: Unicode.Scalar?
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let c = scalars[index]
            let next = scalars.index(after: index)
            let spaced = previous == " " && next != scalars.endIndex && scalars[next] == " "
            if c == ":" || c == "(" || c == "!" || (spaced && (c == "–" || c == "—" || c == "-" || c == "|")) {
                return String(scalars[..<index])
            }
            previous = c
            index = next
        }
        return nil
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

/// Gives every distinct token a small integer, so token sets compare as sorted integer arrays,
/// and remembers per distinct word what matching derives from it (stem, stop word, blocking keys):
/// the same words recur in thousands of titles.
struct TokenInterner: Sendable {
    private var ids: [String: Int32] = [:]
    private var words: [String] = []
    /// Raw title word → id of its stem, or -1 when the word is ignored in titles.
    private var titleIDs: [String: Int32] = [:]
    private var keysOfToken: [[Int32]?] = []
    private var keyIDs: [String: Int32] = [:]
    /// Scratch space for folding text.
    var buffer: [UInt8] = []

    var count: Int { ids.count }

    mutating func id(_ token: String) -> Int32 {
        if let id = ids[token] { return id }
        let id = Int32(ids.count)
        ids[token] = id
        words.append(token)
        return id
    }

    func word(_ id: Int32) -> String { words[Int(id)] }

    /// Significant, stemmed title tokens of raw (folded) words, in order, without repeats: stop
    /// words, generic words and member cities left out (`MatchVocabulary.isSignificantInTitle`).
    mutating func titleTokens(_ raw: [String], vocabulary: MatchVocabulary) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(raw.count)
        for word in raw {
            let id: Int32
            if let known = titleIDs[word] {
                id = known
            } else {
                id = vocabulary.isSignificantInTitle(word) ? self.id(MatchVocabulary.stem(word)) : -1
                titleIDs[word] = id
            }
            if id >= 0 && !out.contains(id) { out.append(id) }
        }
        return out
    }

    /// The token's four-letter prefix and suffix (suffixes marked "~"), interned apart from tokens.
    mutating func blockingKeys(_ id: Int32) -> [Int32] {
        let index = Int(id)
        if keysOfToken.count <= index {
            keysOfToken.append(contentsOf: repeatElement(nil, count: index + 1 - keysOfToken.count))
        }
        if let keys = keysOfToken[index] { return keys }
        let word = words[index]
        let keys = [String(word.prefix(4)), "~" + word.suffix(4)].map { key -> Int32 in
            if let known = keyIDs[key] { return known }
            let new = Int32(keyIDs.count)
            keyIDs[key] = new
            return new
        }
        keysOfToken[index] = keys
        return keys
    }
}

/// Calls `body` with each value two sorted, repeat-free arrays share, in order.
@inline(__always)
func forEachShared<C: RandomAccessCollection>(_ a: C, _ b: C, _ body: (C.Element) -> Void)
where C.Element: Comparable, C.Index == Int {
    var (i, j) = (a.startIndex, b.startIndex)
    while i < a.endIndex && j < b.endIndex {
        if a[i] == b[j] {
            body(a[i])
            i += 1
            j += 1
        } else if a[i] < b[j] {
            i += 1
        } else {
            j += 1
        }
    }
}

/// How many values two sorted, repeat-free arrays share.
func sharedCount<C: RandomAccessCollection>(_ a: C, _ b: C) -> Int where C.Element: Comparable, C.Index == Int {
    var count = 0
    forEachShared(a, b) { _ in count += 1 }
    return count
}
