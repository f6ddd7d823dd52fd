import Federation

/// The start gaps at which two timed events can still be one: within the tolerance, or off by one
/// of the hub zone's UTC offsets (give or take a few minutes), the exporter bug of writing local
/// time as UTC. Worked out once per merge, not per pair.
struct StartWindows: Sendable, Equatable {
    /// Seconds two starts may differ and still be the same start.
    let tolerance: Int
    /// Seconds a zone-slipped start may be off the exact offset.
    let slack: Int
    /// The hub zone's UTC offsets in the period merged, as distinct absolute seconds, ascending, without 0.
    let offsets: [Int]

    /// `offsets` are the hub zone's UTC offsets that occur among the starts (in any order, 0 ignored).
    init(settings: DedupSettings, offsets: some Sequence<Int>) {
        tolerance = settings.timeToleranceMinutes * 60
        slack = min(tolerance, 300)
        self.offsets = Set(offsets.lazy.map { abs($0) }.filter { $0 != 0 }).sorted()
    }

    /// The largest gap any window allows: past it, no later start can fit.
    var widestGap: Int { max(tolerance, (offsets.last ?? 0) + slack) }

    /// True when starts `gap` seconds apart (either way) are off by one of the zone's offsets.
    @inline(__always)
    func isZoneSlip(_ gap: Int) -> Bool {
        let gap = abs(gap)
        for offset in offsets where abs(gap - offset) <= slack { return true }
        return false
    }
}
