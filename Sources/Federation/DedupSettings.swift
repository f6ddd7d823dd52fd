/// Every score, weight and threshold the event merger uses, in one place (`$.dedup` in federation.json).
///
/// A pair of events from different sources on the same local day is scored from 0 to 1 on three
/// features: title tokens, start time and location. It joins when the title alone reaches
/// `titleThreshold`, the times are compatible, and the weighted sum reaches `matchThreshold`.
public struct DedupSettings: Sendable, Hashable {
    /// Weighted score (title, time, location) a pair needs to be merged.
    public var matchThreshold = 0.7
    /// Title similarity a pair needs before the other features count at all.
    public var titleThreshold = 0.5
    /// Pairs scoring at least this but not merged are reported by `labnetz explain` as near misses.
    public var nearMissFloor = 0.35
    /// Two timed starts at most this far apart are the same start.
    public var timeToleranceMinutes = 30
    public var titleWeight = 0.6
    public var timeWeight = 0.25
    /// Left out (and the others rescaled) when either event has no location.
    public var locationWeight = 0.15
    /// Time score of a start that differs by exactly the hub zone's UTC offset: a local time
    /// published as UTC is a common exporter bug.
    public var zoneSlipScore = 0.5
    /// Time score of an all-day event against a timed one on the same day.
    public var allDayAgainstTimedScore = 0.6
    /// Words folded away from titles on top of the built-in German stop and generic words.
    public var genericWords: [String] = []
    /// Corrections that always win over the scores.
    public var pins: [DedupPin] = []

    public init() {}
}

/// A correction in `$.dedup.pins`: these source items are the same event, or are different events.
public struct DedupPin: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case same, different
    }

    public var kind: Kind
    /// Source item keys, `sourceID/uid` (the `uid` with `#RECURRENCE-ID` for an override).
    public var items: [String]
    /// Why the pin was set, as written in the configuration.
    public var note: String?

    public init(kind: Kind, items: [String], note: String? = nil) {
        self.kind = kind
        self.items = items
        self.note = note
    }
}
