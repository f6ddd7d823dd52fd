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
    /// offset plus a few minutes): a busy day costs what its plausible pairs cost, not the square
    /// of its size. All-day items meet the whole posting; in a series block every start fits.
    /// Items without a city meet all cities. Returns the pairs sorted, each once.
    func candidatePairs(
        _ block: [Int], isSeries: Bool, features: [EventFeatures?], sourceOf: [Int32], hubOffsets: Set<Int>
    ) -> [(Int, Int)] {
        var postings: [Posting] = []
        postings.reserveCapacity(block.count * 8)
        for i in block {
            let f = features[i]!
            // A series' first start says nothing about whether two series meet: all-day-like.
            let start = isSeries ? Int.min : (f.instant ?? Int.min)
            for key in f.blockingKeys {
                postings.append(Posting(key: key, city: f.city ?? -1, start: start, item: Int32(i)))
            }
        }
        postings.sort()
        let tolerance = settings.timeToleranceMinutes * 60
        let widestGap = max(tolerance, (hubOffsets.map { abs($0) }.max() ?? 0) + min(tolerance, 300))
        var packed: [Int] = []
        func consider(_ a: Int32, _ b: Int32) {
            guard a != b, sourceOf[Int(a)] != sourceOf[Int(b)] else { return }
            let (fa, fb) = (features[Int(a)]!, features[Int(b)]!)
            guard PairScore.timeScore(fa, fb, settings: settings, hubOffsets: hubOffsets) > 0 else { return }
            packed.append(Int(min(a, b)) << 32 | Int(max(a, b)))
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
                            for y in keyStart..<keyEnd { consider(postings[x].item, postings[y].item) }
                        }
                    }
                } else if runEnd - runStart > 1 && runEnd - runStart <= maxPosting {
                    for x in runStart..<runEnd {
                        let start = postings[x].start
                        for y in (x + 1)..<runEnd {
                            // Sorted by start: past the widest gap nothing later fits either.
                            if start != Int.min && postings[y].start - start > widestGap { break }
                            consider(postings[x].item, postings[y].item)
                        }
                    }
                }
                runStart = runEnd
            }
            keyStart = keyEnd
        }
        packed.sort()
        var pairs: [(Int, Int)] = []
        pairs.reserveCapacity(packed.count)
        var previous = -1
        for value in packed where value != previous {
            pairs.append((value >> 32, value & 0xFFFF_FFFF))
            previous = value
        }
        return pairs
    }
}

/// One item under one title-word key, ordered by key, city and start, so that the items of a key,
/// and within it of a city, are neighbours in start order.
struct Posting: Comparable {
    var key: Int32
    /// Interned city, -1 when the item names none.
    var city: Int32
    /// Seconds since 1970; `Int.min` for all-day items and series, which meet every start.
    var start: Int
    var item: Int32

    static func < (a: Posting, b: Posting) -> Bool {
        (a.key, a.city, a.start, a.item) < (b.key, b.city, b.start, b.item)
    }
}
