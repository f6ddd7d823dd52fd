import Federation

extension EventClusterer {
    /// One-off events by local start day, series by their repeat pattern; blocks of one item are
    /// left out. Days come first in calendar order, then series in order of their pattern.
    func blocks(_ masters: [Int], features: [EventFeatures?]) -> [(items: [Int], isSeries: Bool)] {
        var byDay: [Int: [Int]] = [:]
        var bySeries: [String: [Int]] = [:]
        for i in masters {
            let f = features[i]!
            if f.isSeries {
                bySeries[f.seriesKey ?? "", default: []].append(i)
            } else {
                byDay[f.day, default: []].append(i)
            }
        }
        let days = byDay.keys.sorted().map { (items: byDay[$0]!, isSeries: false) }
        let series = bySeries.keys.sorted().map { (items: bySeries[$0]!, isSeries: true) }
        return (days + series).filter { $0.items.count > 1 }
    }

    /// Pairs of a block that could be one event: from different sources, sharing a title-word key
    /// (`EventFeatures.blockingKeys`), not naming different cities, and with starts that could be
    /// the same start (`PairScore.timeScore` > 0; a pair scoring 0 there is never merged).
    ///
    /// Items are posted under (key, city, start) and sorted, so each timed item only meets the
    /// items starting within the widest gap a time score allows (the tolerance, or the hub zone's
    /// largest offset plus a few minutes; the offset at the pair's own starts decides): a busy day costs what its plausible pairs cost, not the square
    /// of its size. All-day items meet the whole posting; in a series block every start fits.
    /// Items without a city meet all cities. Returns the pairs sorted, each once, with their time
    /// score: it was needed to choose them, and scoring needs it again.
    func candidatePairs(
        _ block: [Int], isSeries: Bool, features: [EventFeatures?], sourceOf: [Int32], windows: StartWindows
    ) -> [CandidatePair] {
        // Timed starts relative to the block's earliest: a posting sorts as two integers.
        var base = Int.max
        for i in block where !isSeries { base = min(base, features[i]!.instant ?? Int.max) }
        var postings: [Posting] = []
        postings.reserveCapacity(block.count * 8)
        for i in block {
            let f = features[i]!
            // A series' first start says nothing about whether two series meet: all-day-like.
            let start = isSeries ? nil : f.instant.map { $0 - base }
            for key in f.blockingKeys {
                postings.append(Posting(key: key, city: f.city ?? -1, start: start, item: Int32(i)))
            }
        }
        Self.sortByKey(&postings)
        let widestGap = windows.widestGap
        var found: [CandidatePair] = []
        func consider(_ x: Posting, _ y: Posting) {
            let (a, b) = (x.item, y.item)
            guard a != b, sourceOf[Int(a)] != sourceOf[Int(b)] else { return }
            let time: Double
            if let sx = x.start, let sy = y.start {
                // Two timed one-off events: their starts are all `PairScore.timeScore` reads.
                let gap = abs(sx - sy)
                time =
                    gap <= windows.tolerance
                    ? 1 : windows.isZoneSlip(sx + base, sy + base) ? settings.zoneSlipScore : 0
            } else {
                time = PairScore.timeScore(features[Int(a)]!, features[Int(b)]!, settings: settings, windows: windows)
            }
            guard time > 0 else { return }
            found.append(CandidatePair(packed: Int(min(a, b)) << 32 | Int(max(a, b)), time: time))
        }
        var keyStart = 0
        while keyStart < postings.count {
            var keyEnd = keyStart
            while keyEnd < postings.count && postings[keyEnd].key == postings[keyStart].key { keyEnd += 1 }
            // Runs of one city; the items without a city (city -1) sort first.
            var runStart = keyStart
            while runStart < keyEnd {
                var runEnd = runStart
                while runEnd < keyEnd && postings[runEnd].city == postings[runStart].city { runEnd += 1 }
                if postings[runStart].city < 0 {
                    // Without a city: meets every item of the key, if the key is specific enough.
                    if keyEnd - keyStart <= maxPosting {
                        for x in runStart..<runEnd {
                            for y in keyStart..<keyEnd { consider(postings[x], postings[y]) }
                        }
                    }
                } else if runEnd - runStart > 1 && runEnd - runStart <= maxPosting {
                    for x in runStart..<runEnd {
                        let start = postings[x].start
                        for y in (x + 1)..<runEnd {
                            // Sorted by start: past the widest gap nothing later fits either.
                            if let start, let other = postings[y].start, other - start > widestGap { break }
                            consider(postings[x], postings[y])
                        }
                    }
                }
                runStart = runEnd
            }
            keyStart = keyEnd
        }
        // A pair met under several keys is kept once; its time score is the same each time.
        found.sort { $0.packed < $1.packed }
        var kept = 0
        for index in found.indices where kept == 0 || found[kept - 1].packed != found[index].packed {
            found[kept] = found[index]
            kept += 1
        }
        found.removeLast(found.count - kept)
        return found
    }
}

extension EventClusterer {
    /// Sorts postings as `sort()` does, in two steps: grouped by key with one counting pass, then
    /// each key's few postings sorted. A busy day has thousands of postings but few per key, and a
    /// comparison sort of the whole day cost more per posting the bigger the merge.
    static func sortByKey(_ postings: inout [Posting]) {
        guard postings.count > 32 else {
            postings.sort()
            return
        }
        var maxKey: Int32 = 0
        for p in postings { maxKey = max(maxKey, p.key) }
        var starts = [Int](repeating: 0, count: Int(maxKey) + 2)
        for p in postings { starts[Int(p.key) + 1] += 1 }
        for k in 1..<starts.count { starts[k] += starts[k - 1] }
        var next = starts
        let unsorted = postings
        for p in unsorted {
            postings[next[Int(p.key)]] = p
            next[Int(p.key)] += 1
        }
        for k in 0..<(starts.count - 1) where starts[k + 1] - starts[k] > 1 {
            postings[starts[k]..<starts[k + 1]].sort()
        }
    }
}

/// Two items of a block that could be one event (the smaller index first) and their time score.
struct CandidatePair {
    /// `a << 32 | b`: sorts by `a`, then `b`.
    var packed: Int
    var time: Double
    var a: Int { packed >> 32 }
    var b: Int { packed & 0xFFFF_FFFF }
}

/// One item under one title-word key, ordered by key, city and start, so that the items of a key,
/// and within it of a city, are neighbours in start order. Packed into two integers that sort
/// that way: postings are sorted per block, and busy days have thousands.
struct Posting: Comparable {
    /// key << 32 | (city + 1): items without a city first.
    private let high: UInt64
    /// (start + 1) << 32 | item; 0 for all-day items and series, which meet every start.
    private let low: UInt64

    /// `city` is the interned city or -1; `start` the seconds after the block's earliest timed
    /// start, nil for all-day items and series.
    init(key: Int32, city: Int32, start: Int?, item: Int32) {
        high = UInt64(UInt32(key)) << 32 | UInt64(UInt32(bitPattern: city &+ 1))
        low = UInt64(start.map { $0 + 1 } ?? 0) << 32 | UInt64(UInt32(item))
    }

    var key: Int32 { Int32(truncatingIfNeeded: high >> 32) }
    /// Interned city, -1 when the item names none.
    var city: Int32 { Int32(truncatingIfNeeded: high) &- 1 }
    var start: Int? { low >> 32 == 0 ? nil : Int(low >> 32) - 1 }
    var item: Int32 { Int32(truncatingIfNeeded: low) }

    static func < (a: Posting, b: Posting) -> Bool { (a.high, a.low) < (b.high, b.low) }
}
