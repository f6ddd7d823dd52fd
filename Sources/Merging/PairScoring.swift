import Federation
import Foundation

/// Scores candidate pairs (`PairScore`): what scoring reads besides the two items — settings, word
/// weights, the start windows, the bytes of every title word — and scratch space reused by every
/// pair, so scoring a pair allocates nothing. Busy days have many candidate pairs per item.
struct PairScoring {
    let settings: DedupSettings
    let windows: StartWindows
    /// How much a title word says, by token id (see `EventClusterer.tokenWeights`).
    let weights: [Double]
    /// UTF-8 of every token, by id: the bytes of token `id` are `wordBytes[wordStart[id]..<wordStart[id + 1]]`.
    private let wordBytes: [UInt8]
    private let wordStart: [Int]
    private var remainderA: [UInt8] = []
    private var remainderB: [UInt8] = []
    private var trigramsA: [UInt32] = []
    private var trigramsB: [UInt32] = []

    init(settings: DedupSettings, windows: StartWindows, weights: [Double], interner: TokenInterner) {
        self.settings = settings
        self.windows = windows
        self.weights = weights
        var bytes: [UInt8] = []
        var start = [0]
        start.reserveCapacity(interner.count + 1)
        for id in 0..<interner.count {
            bytes.append(contentsOf: interner.word(Int32(id)).utf8)
            start.append(bytes.count)
        }
        wordBytes = bytes
        wordStart = start
    }

    /// Scores two events whose time score (`PairScore.timeScore`) is `time`.
    mutating func score(_ a: EventFeatures, _ b: EventFeatures, time: Double) -> PairScore {
        let title = titleScore(a, b)
        let location = PairScore.locationScore(a, b)
        var weighted = settings.titleWeight * title + settings.timeWeight * time
        var weights = settings.titleWeight + settings.timeWeight
        if let location {
            weighted += settings.locationWeight * location
            weights += settings.locationWeight
        }
        return PairScore(title: title, time: time, location: location, total: weights > 0 ? weighted / weights : 0)
    }

    /// The best of three readings, each weighting a word by how rare it is among all titles (so
    /// "Digitale Sprechstunde für Senior:innen" and "… für Vereine" stay apart):
    /// - weighted Dice of the words, where words one title does not share count by the trigram
    ///   likeness of the rest ("Netzwerk-Treffen" against "Netzwerktreffen");
    /// - containment: one title's words all in the other ("Repair-Café" in "Repair-Café: Reparieren
    ///   statt wegwerfen"), weaker for a one-word title;
    /// - weighted Dice of the titles' first parts when they have subtitles.
    mutating func titleScore(_ a: EventFeatures, _ b: EventFeatures) -> Double {
        guard !a.titleTokens.isEmpty, !b.titleTokens.isEmpty else { return 0 }
        // Sums in ascending id order, as a sum over a sorted array of the shared ids would be.
        var (ws, sharedCount) = (0.0, 0)
        forEachShared(a.titleTokens, b.titleTokens) {
            ws += weights[Int($0)]
            sharedCount += 1
        }
        let (wa, wb) = (weight(a.titleTokens), weight(b.titleTokens))
        var rest = 0.0
        if sharedCount < a.titleTokens.count && sharedCount < b.titleTokens.count {
            remainder(of: a, without: b, into: &remainderA)
            remainder(of: b, without: a, into: &remainderB)
            rest = trigramDice()
        }
        let soft = (2 * ws + rest * (wa - ws + wb - ws)) / (wa + wb)
        var containment = 0.0
        if sharedCount == min(a.titleTokens.count, b.titleTokens.count) {
            containment = sharedCount >= 2 ? 0.9 : 0.7
        }
        var head = 0.0
        let ha = a.headTokens.isEmpty ? a.titleTokens : a.headTokens
        let hb = b.headTokens.isEmpty ? b.titleTokens : b.headTokens
        if ha.count >= 2, hb.count >= 2, !(a.headTokens.isEmpty && b.headTokens.isEmpty) {
            var shared = 0.0
            forEachShared(ha, hb) { shared += weights[Int($0)] }
            head = 2 * shared / (weight(ha) + weight(hb))
        }
        return min(1, max(soft, containment, head))
    }

    private func weight(_ ids: ArraySlice<Int32>) -> Double { ids.reduce(0) { $0 + weights[Int($1)] } }

    /// The words of `f`'s title that `other` lacks, in title order, run together.
    private func remainder(of f: EventFeatures, without other: EventFeatures, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        // A title has a handful of words: a linear search beats a Set per pair.
        for id in f.titleOrder where !other.titleTokens.contains(id) {
            out.append(contentsOf: wordBytes[wordStart[Int(id)]..<wordStart[Int(id) + 1]])
        }
    }

    /// Dice of the byte trigrams of the two remainders (a text under three bytes is one "trigram").
    private mutating func trigramDice() -> Double {
        Self.trigrams(remainderA, into: &trigramsA)
        Self.trigrams(remainderB, into: &trigramsB)
        guard !trigramsA.isEmpty, !trigramsB.isEmpty else { return 0 }
        return 2 * Double(sharedCount(trigramsA, trigramsB)) / Double(trigramsA.count + trigramsB.count)
    }

    /// The distinct trigrams of `bytes`, sorted, into `out` (reused).
    static func trigrams(_ bytes: [UInt8], into out: inout [UInt32]) {
        out.removeAll(keepingCapacity: true)
        guard bytes.count >= 3 else {
            if !bytes.isEmpty { out.append(bytes.reduce(0) { $0 << 8 | UInt32($1) }) }
            return
        }
        for i in 0..<(bytes.count - 2) {
            out.append(UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]))
        }
        out.sortAndDropRepeats()
    }
}
