import Federation
import Foundation

/// How alike two events are, feature by feature, and whether that is enough to merge them.
public struct PairScore: Sendable, Hashable, Codable {
    public var title: Double
    public var time: Double
    /// nil when either event has no location; the weights of the others are then rescaled.
    public var location: Double?
    public var total: Double

    /// Merged only when the title alone is close enough, the times fit, and the total reaches the threshold.
    func isMatch(_ settings: DedupSettings) -> Bool {
        title >= settings.titleThreshold && time > 0 && total >= settings.matchThreshold
    }

    /// 1 for the same instant (within the tolerance) or the same all-day date; partial scores for an
    /// all-day against a timed event, or a start shifted by the hub zone's UTC offset at that
    /// start (winter and summer time apart); else 0.
    static func timeScore(_ a: EventFeatures, _ b: EventFeatures, settings: DedupSettings, windows: StartWindows)
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
            let gap = abs(x - y)
            if gap <= windows.tolerance { return 1 }
            return windows.isZoneSlip(x, y) ? settings.zoneSlipScore : 0
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
