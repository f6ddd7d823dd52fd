import Federation
import Foundation

/// The start gaps at which two timed events can still be one: within the tolerance, or off by the
/// hub zone's UTC offset at their start (give or take a few minutes), the exporter bug of writing
/// local time as UTC. Worked out once per merge, not per pair: the zone's offset changes are looked
/// up once for the period the starts cover, and each check is a binary search among them.
struct StartWindows: Sendable, Equatable {
    /// Seconds two starts may differ and still be the same start.
    let tolerance: Int
    /// Seconds a zone-slipped start may be off the exact offset.
    let slack: Int
    /// Where the hub zone's offset takes a new value, ascending: `offsets[k]` (absolute seconds)
    /// holds from `changes[k]` until `changes[k + 1]`, within the period the starts cover.
    private let changes: [Int]
    private let offsets: [Int]
    /// The largest offset in the period, 0 when the zone has none: a slip is never wider.
    private let largestOffset: Int

    /// Offsets looked up per stretch of 2^25 s (about 388 days) that holds a start: a few far-off
    /// dates cost their own stretch, not every year between.
    private static let stretchShift = 25

    /// `instants` are the starts (seconds since 1970) of the events to be compared, in any order.
    init(settings: DedupSettings, zone: TimeZone, instants: some Sequence<Int>) {
        tolerance = settings.timeToleranceMinutes * 60
        slack = min(tolerance, 300)
        var stretches = Set<Int>()
        for instant in instants { stretches.insert(instant >> Self.stretchShift) }
        var changes: [Int] = []
        var offsets: [Int] = []
        func note(_ seconds: Int) {
            let offset = abs(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
            if offsets.last != offset {
                changes.append(seconds)
                offsets.append(offset)
            }
        }
        for stretch in stretches.sorted() {
            let (from, to) = (stretch << Self.stretchShift, (stretch + 1) << Self.stretchShift)
            note(from)
            var after = from
            // Bounded: each step moves past the previous transition, and a stretch holds a few.
            while let next = zone.nextDaylightSavingTimeTransition(
                after: Date(timeIntervalSince1970: TimeInterval(after)))
            {
                let seconds = Int(next.timeIntervalSince1970.rounded(.up))
                guard seconds > after, seconds < to else { break }
                note(seconds)
                after = seconds
            }
        }
        self.changes = changes
        self.offsets = offsets
        largestOffset = offsets.max() ?? 0
    }

    /// The largest gap any window allows: past it, no later start can fit.
    var widestGap: Int { largestOffset == 0 ? tolerance : max(tolerance, largestOffset + slack) }

    /// The hub zone's UTC offset (absolute seconds) at `seconds` since 1970, for a start the
    /// windows were made for.
    func offset(at seconds: Int) -> Int {
        var (low, high) = (0, changes.count)
        while high - low > 1 {
            let middle = (low + high) / 2
            if changes[middle] <= seconds { low = middle } else { high = middle }
        }
        return offsets.isEmpty ? 0 : offsets[low]
    }

    /// True when starts `a` and `b` (seconds since 1970) are off by the zone's offset at either of
    /// them: a slip is written at one, and near a transition the other may already read the next.
    @inline(__always)
    func isZoneSlip(_ a: Int, _ b: Int) -> Bool {
        let gap = abs(a - b)
        // Most gaps fit no offset of the period: no lookup for them.
        guard largestOffset > 0, gap <= largestOffset + slack else { return false }
        func fits(_ offset: Int) -> Bool { offset != 0 && abs(gap - offset) <= slack }
        return fits(offset(at: a)) || (changes.count > 1 && fits(offset(at: b)))
    }
}
