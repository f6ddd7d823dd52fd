import Federation
import Foundation

/// How alike two events are, feature by feature, and whether that is enough to merge them.
public struct PairScore: Sendable, Hashable, Codable {
    public var title: Double
    public var time: Double
    /// nil when either event has no location; the weights of the others are then rescaled.
    public var location: Double?
    public var total: Double

    /// Scores two events with the settings' weights.
    static func score(
        _ a: EventFeatures, _ b: EventFeatures, settings: DedupSettings, hubOffsets: Set<Int>, weights: [Double]
    ) -> PairScore {
        let title = titleScore(a, b, weights: weights)
        let time = timeScore(a, b, settings: settings, hubOffsets: hubOffsets)
        let location = locationScore(a, b)
        var weighted = settings.titleWeight * title + settings.timeWeight * time
        var weights = settings.titleWeight + settings.timeWeight
        if let location {
            weighted += settings.locationWeight * location
            weights += settings.locationWeight
        }
        return PairScore(title: title, time: time, location: location, total: weights > 0 ? weighted / weights : 0)
    }

    /// Merged only when the title alone is close enough, the times fit, and the total reaches the threshold.
    func isMatch(_ settings: DedupSettings) -> Bool {
        title >= settings.titleThreshold && time > 0 && total >= settings.matchThreshold
    }

    /// The best of three readings, each weighting a word by how rare it is among all titles (so
    /// "Digitale Sprechstunde für Senior:innen" and "… für Vereine" stay apart):
    /// - weighted Dice of the words, where words one title does not share count by the trigram
    ///   likeness of the rest ("Netzwerk-Treffen" against "Netzwerktreffen");
    /// - containment: one title's words all in the other ("Repair-Café" in "Repair-Café: Reparieren
    ///   statt wegwerfen"), weaker for a one-word title;
    /// - weighted Dice of the titles' first parts when they have subtitles.
    static func titleScore(_ a: EventFeatures, _ b: EventFeatures, weights: [Double]) -> Double {
        guard !a.titleTokens.isEmpty, !b.titleTokens.isEmpty else { return 0 }
        func weight(_ ids: [Int32]) -> Double { ids.reduce(0) { $0 + weights[Int($1)] } }
        let shared = sharedTokens(a.titleTokens, b.titleTokens)
        let (wa, wb, ws) = (weight(a.titleTokens), weight(b.titleTokens), weight(shared))
        var rest = 0.0
        if shared.count < a.titleTokens.count && shared.count < b.titleTokens.count {
            // A title has a handful of words: a linear search beats building a Set per pair.
            func remainder(_ f: EventFeatures) -> String {
                var text = ""
                for (id, word) in zip(f.titleOrder, f.titleWords) where !shared.contains(id) { text += word }
                return text
            }
            rest = trigramDice(remainder(a), remainder(b))
        }
        let soft = (2 * ws + rest * (wa - ws + wb - ws)) / (wa + wb)
        var containment = 0.0
        if shared.count == min(a.titleTokens.count, b.titleTokens.count) {
            containment = shared.count >= 2 ? 0.9 : 0.7
        }
        var head = 0.0
        let ha = a.headTokens.isEmpty ? a.titleTokens : a.headTokens
        let hb = b.headTokens.isEmpty ? b.titleTokens : b.headTokens
        if ha.count >= 2, hb.count >= 2, !(a.headTokens.isEmpty && b.headTokens.isEmpty) {
            head = 2 * weight(sharedTokens(ha, hb)) / (weight(ha) + weight(hb))
        }
        return min(1, max(soft, containment, head))
    }

    static func sharedTokens(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        forEachShared(a, b) { out.append($0) }
        return out
    }

    static func trigramDice(_ a: String, _ b: String) -> Double {
        let (ta, tb) = (EventFeatures.trigrams(a), EventFeatures.trigrams(b))
        guard !ta.isEmpty, !tb.isEmpty else { return 0 }
        return 2 * Double(sharedCount(ta, tb)) / Double(ta.count + tb.count)
    }

    /// 1 for the same instant (within the tolerance) or the same all-day date; partial scores for an
    /// all-day against a timed event, or a start shifted by the hub zone's UTC offset; else 0.
    static func timeScore(_ a: EventFeatures, _ b: EventFeatures, settings: DedupSettings, hubOffsets: Set<Int>)
        -> Double
    {
        if a.isSeries || b.isSeries {
            return a.seriesKey != nil && a.seriesKey == b.seriesKey ? 1 : 0
        }
        switch (a.instant, b.instant) {
        case (nil, nil):
            return a.day == b.day ? 1 : 0
        case (nil, _), (_, nil):
            return a.day == b.day ? settings.allDayAgainstTimedScore : 0
        case (let x?, let y?):
            let tolerance = settings.timeToleranceMinutes * 60
            let gap = abs(x - y)
            if gap <= tolerance { return 1 }
            if hubOffsets.contains(where: { abs(gap - abs($0)) <= min(tolerance, 300) }) {
                return settings.zoneSlipScore
            }
            return 0
        }
    }

    /// Shared location tokens over the shorter location; different postal codes or cities are 0.
    static func locationScore(_ a: EventFeatures, _ b: EventFeatures) -> Double? {
        guard !a.locationTokens.isEmpty, !b.locationTokens.isEmpty else { return nil }
        if let pa = a.postalCode, let pb = b.postalCode, pa != pb { return 0 }
        if let ca = a.city, let cb = b.city, ca != cb { return 0 }
        let shared = Double(sharedCount(a.locationTokens, b.locationTokens))
        return shared / Double(min(a.locationTokens.count, b.locationTokens.count))
    }
}
