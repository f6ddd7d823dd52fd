import FeedModel
import Federation
import Foundation

/// Finds which source items are the same event, cheapest evidence first: pins, the same UID, the
/// same item link, then scored candidates from the same day (or the same series pattern).
///
/// Candidates are never all pairs: items are blocked by local start day (series by their repeat
/// pattern), and within a block only items sharing a title-word prefix, with starts that could be
/// the same start, are scored (`candidatePairs`).
struct EventClusterer {
    let settings: DedupSettings
    let vocabulary: MatchVocabulary
    /// A title-word prefix shared by more items of one block than this says nothing about identity.
    var maxPosting = 64

    /// `items` must be sorted, `itemKeys` their `sourceID/itemKey`, `instants` their starts; returns
    /// the groups of indices and the trace of every decision.
    func cluster(_ items: ItemsInOrder, itemKeys: [String], instants: [Int], clock: inout HubClock)
        -> (groups: [[Int]], trace: MergeTrace)
    {
        let (sourceOf, masters) = Self.sourcesAndMasters(items)
        var sets = ClusterSets(sourceOf: sourceOf)
        var trace = MergeTrace(items: items, itemKeys: itemKeys)
        var indexOfKey: [String: Int] = [:]
        if !settings.pins.isEmpty {
            indexOfKey.reserveCapacity(items.count)
            for (i, key) in trace.itemKeys.enumerated() { indexOfKey[key] = i }
        }

        var interner = TokenInterner()
        var features = [EventFeatures?](repeating: nil, count: items.count)
        // The texts folded beforehand, in memory order: the features read no item.
        let texts = FoldedTexts(items)
        for i in masters {
            let entry = texts[i]
            let local: CivilDateTime
            if let date = entry.allDay {
                local = CivilDateTime(date: date, hour: 0, minute: 0, second: 0)
            } else {
                local = clock.civil(instants[i])
            }
            features[i] = EventFeatures(
                titleWords: texts.titleWords(i), headWords: texts.headWords(i),
                placeWords: texts.placeWords(i, vocabulary: vocabulary), allDay: entry.allDay != nil,
                rrule: entry.rrule, instant: instants[i], local: local, vocabulary: vocabulary, interner: &interner)
        }

        // Pins first: they always win.
        let pins = settings.pins.enumerated().map { (index, pin) in
            (index, pin, pin.items.compactMap { indexOfKey[$0] })
        }
        for (index, pin, found) in pins where pin.kind == .different {
            for (position, item) in found.enumerated() { sets.label(item, pin: index, position: position) }
        }
        for (_, pin, found) in pins where pin.kind == .same {
            for item in found.dropFirst() where sets.conflict(found[0], item, disjointSources: false) == nil {
                if sets.union(found[0], item) {
                    trace.joins.append(TraceEdge(a: found[0], b: item, reason: .pinnedSame(note: pin.note)))
                }
            }
        }

        func join(_ a: Int, _ b: Int, _ reason: JoinReason, score: PairScore? = nil, disjoint: Bool) {
            if let conflict = sets.conflict(a, b, disjointSources: disjoint) {
                let why: MissReason
                switch conflict {
                case .sameSource: why = .sameSource
                case .pinnedDifferent(let pin): why = .pinnedDifferent(note: settings.pins[pin].note)
                }
                trace.nearMisses.append(TraceEdge(a: a, b: b, reason: why, score: score))
            } else if sets.union(a, b) {
                trace.joins.append(TraceEdge(a: a, b: b, reason: reason, score: score))
            }
        }

        // Tier 1: the same source item under the same UID in several sources.
        var uidNumbers = StringIndex(capacity: masters.count)
        var firstWithUID: [Int] = []
        firstWithUID.reserveCapacity(masters.count)
        for i in masters {
            let (number, isNew) = uidNumbers.insert(items[i].payload.uid)
            if isNew {
                firstWithUID.append(i)
            } else {
                join(firstWithUID[number], i, .sameUID, disjoint: false)
            }
        }
        // An override belongs with its series in the same source.
        var masterOf: [String: Int] = [:]
        if masters.count < items.count {
            masterOf.reserveCapacity(masters.count)
            for i in masters { masterOf["\(items[i].ref.source)\u{1F}\(items[i].payload.uid)"] = i }
        }
        // By index: iterating the items would copy (retain) every field of every event.
        for i in items.indices where masters.count < items.count && items[i].payload.recurrenceID != nil {
            if let master = masterOf["\(items[i].ref.source)\u{1F}\(items[i].payload.uid)"] {
                if sets.union(master, i) { trace.joins.append(TraceEdge(a: master, b: i, reason: .instanceOfSeries)) }
            }
        }
        // Tier 2: the same item-specific link.
        for (key, group) in linkGroups(items, masters: masters, sourceOf: sourceOf) {
            for i in group.dropFirst() {
                let (a, b) = (features[group[0]]!, features[i]!)
                if a.day == b.day || (a.isSeries && b.isSeries) {
                    join(group[0], i, .sameLink(key), disjoint: false)
                } else {
                    trace.nearMisses.append(TraceEdge(a: group[0], b: i, reason: .linkOnOtherDay(key)))
                }
            }
        }
        // Tier 3: scored candidates, best first, each join checked against the constraints.
        var scored: [(a: Int, b: Int, score: PairScore)] = []
        let windows = StartWindows(settings: settings, zone: clock.zone, instants: masters.lazy.map { instants[$0] })
        var scoring = PairScoring(
            settings: settings, windows: windows, weights: tokenWeights(features, count: interner.count),
            interner: interner)
        for block in blocks(masters, features: features) {
            let pairs = candidatePairs(
                block.items, isSeries: block.isSeries, features: features, sourceOf: sourceOf, windows: windows)
            for pair in pairs {
                let (a, b) = (pair.a, pair.b)
                let (fa, fb) = (features[a]!, features[b]!)
                if let ca = fa.city, let cb = fb.city, ca != cb { continue }
                let score = scoring.score(fa, fb, time: pair.time)
                if score.isMatch(settings) {
                    scored.append((a, b, score))
                } else if score.total >= settings.nearMissFloor && sets.find(a) != sets.find(b) {
                    trace.nearMisses.append(TraceEdge(a: a, b: b, reason: .belowThreshold, score: score))
                }
            }
        }
        scored.sort { ($0.score.total, $1.a, $1.b) > ($1.score.total, $0.a, $0.b) }
        for pair in scored { join(pair.a, pair.b, .scored(pair.score), score: pair.score, disjoint: true) }
        return (sets.groups(), trace)
    }

    /// The source number of every item (`ClusterSets.sourceNumbers` in merge order) and the items
    /// without a RECURRENCE-ID, read as the items lie in memory: in merge order every read would
    /// land on another item far away.
    private static func sourcesAndMasters(_ items: ItemsInOrder) -> (sourceOf: [Int32], masters: [Int]) {
        var firstSeen = [Int32](repeating: 0, count: items.count)
        var isMaster = [Bool](repeating: false, count: items.count)
        var numbers: [String: Int32] = [:]
        var previous: (source: String, number: Int32)?
        items.forEachInMemoryOrder { i, item in
            isMaster[i] = item.payload.recurrenceID == nil
            let source = item.ref.source
            if let previous, previous.source == source {
                firstSeen[i] = previous.number
                return
            }
            let n = numbers[source] ?? Int32(numbers.count)
            numbers[source] = n
            previous = (source, n)
            firstSeen[i] = n
        }
        // Renumbered by first appearance in merge order, as `sourceNumbers` numbers them.
        var renumber = [Int32](repeating: -1, count: numbers.count)
        var next: Int32 = 0
        let sourceOf = firstSeen.map { n -> Int32 in
            if renumber[Int(n)] < 0 {
                renumber[Int(n)] = next
                next += 1
            }
            return renumber[Int(n)]
        }
        return (sourceOf, isMaster.indices.filter { isMaster[$0] })
    }

    /// Masters grouped by link; a link that one source gives to several items (an events overview
    /// page, the lab's homepage) names no single event and joins nothing.
    private func linkGroups(_ items: ItemsInOrder, masters: [Int], sourceOf: [Int32]) -> [(String, [Int])] {
        var groups: [(String, [Int])] = []
        for (link, group) in LinkKeys(items).shared(among: masters) {
            let sources = group.map { sourceOf[$0] }.sorted()
            if !zip(sources, sources.dropFirst()).contains(where: { $0 == $1 }) { groups.append((link, group)) }
        }
        return groups.sorted { $0.0 < $1.0 }
    }

    /// How much a title word says: log(1 + N / number of titles with it). Counted over all items,
    /// so the weights do not depend on their order.
    private func tokenWeights(_ features: [EventFeatures?], count: Int) -> [Double] {
        var frequency = [Int](repeating: 0, count: count)
        var titles = 0
        for f in features {
            guard let f else { continue }
            titles += 1
            for id in f.titleTokens { frequency[Int(id)] += 1 }
        }
        return frequency.map { log(1 + Double(titles) / Double(max(1, $0))) }
    }
}
