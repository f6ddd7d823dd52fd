import Foundation

/// The UTC offsets of one time zone as a sorted list of transitions, for fast conversions
/// between wall-clock times and instants.
///
/// Built either from an IANA zone (through Foundation, once) or from a VTIMEZONE's own
/// STANDARD/DAYLIGHT observances, so that a calendar's custom zone is applied by its rules.
public struct ZoneRules: Sendable, Hashable {
    /// UTC seconds since 1970 at which a new offset begins, ascending.
    var transitions: [Int]
    /// The offset in force from the transition at the same index on.
    var offsets: [Int]
    /// The offset before the first transition.
    var initialOffset: Int
    /// For an IANA zone: asked outside `coveredSeconds`, where no transitions were listed.
    var fallback: TimeZone?
    var coveredSeconds: ClosedRange<Int>

    /// A zone that never changes its offset.
    public init(fixedOffset seconds: Int) {
        transitions = []
        offsets = []
        initialOffset = seconds
        fallback = nil
        coveredSeconds = Int.min...Int.max
    }

    init(transitions: [(Int, Int)], initialOffset: Int) {
        var sorted = transitions.sorted { $0.0 < $1.0 }
        // Two observances starting at the same instant: the later-listed one wins, once.
        var deduped: [(Int, Int)] = []
        for t in sorted {
            if let last = deduped.last, last.0 == t.0 { deduped[deduped.count - 1] = t } else { deduped.append(t) }
        }
        sorted = deduped
        self.transitions = sorted.map(\.0)
        self.offsets = sorted.map(\.1)
        self.initialOffset = initialOffset
        self.fallback = nil
        self.coveredSeconds = Int.min...Int.max
    }

    /// The transitions of `zone` between the start of `years.lowerBound` and the end of
    /// `years.upperBound`; outside them Foundation is asked directly.
    public init(_ zone: TimeZone, years: ClosedRange<Int>) {
        let lower = CivilMath.seconds(CivilDateTime(year: years.lowerBound, month: 1, day: 1, hour: 0, minute: 0))
        let upper = CivilMath.seconds(CivilDateTime(year: years.upperBound + 1, month: 1, day: 1, hour: 0, minute: 0))
        var cursor = Date(timeIntervalSince1970: TimeInterval(lower))
        let end = Date(timeIntervalSince1970: TimeInterval(upper))
        var transitions: [Int] = []
        var offsets: [Int] = []
        let initial = zone.secondsFromGMT(for: cursor)
        var last = initial
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let offset = zone.secondsFromGMT(for: next)
            if offset != last {
                transitions.append(Int(next.timeIntervalSince1970.rounded()))
                offsets.append(offset)
                last = offset
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
        self.initialOffset = initial
        self.fallback = zone
        self.coveredSeconds = lower...upper
    }

    /// The offset in force at `utcSeconds`.
    public func offset(atUTC utcSeconds: Int) -> Int {
        if let fallback, !coveredSeconds.contains(utcSeconds) {
            return fallback.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds)))
        }
        let next = firstTransition(after: utcSeconds)
        return next == 0 ? initialOffset : offsets[next - 1]
    }

    /// Index of the first transition later than `utcSeconds` (`transitions.count` if none).
    private func firstTransition(after utcSeconds: Int) -> Int {
        var low = 0
        var high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= utcSeconds { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The UTC seconds of a wall-clock time. RFC 5545 §3.3.5: a time in a gap is read with
    /// the offset before the gap (so it moves forward by the gap's length), and a time that
    /// occurs twice means its first occurrence.
    public func utcSeconds(forLocal local: Int) -> Int {
        if let offset = steadyOffset(aroundLocal: local) { return local - offset }
        let before = offset(atUTC: local - 86_400 * 2)
        let after = offset(atUTC: local + 86_400 * 2)
        if before == after, offset(atUTC: local - before) == before { return local - before }
        var valid: [Int] = []
        for candidate in [before, after, offset(atUTC: local - before), offset(atUTC: local - after)]
        where offset(atUTC: local - candidate) == candidate {
            valid.append(local - candidate)
        }
        if let first = valid.min() { return first }
        // In a gap: the offset in force before it.
        return local - before
    }

    /// `utcSeconds(forLocal:)` and the offset in force at that instant, in one search when no
    /// transition is near.
    public func resolve(local: Int) -> (utcSeconds: Int, offset: Int) {
        if let offset = steadyOffset(aroundLocal: local) { return (local - offset, offset) }
        let utc = utcSeconds(forLocal: local)
        return (utc, offset(atUTC: utc))
    }

    /// The offset when no transition lies within two days of `local`, found in one search: most
    /// times lie far from any transition, and the full check would conclude the same. nil near one.
    private func steadyOffset(aroundLocal local: Int) -> Int? {
        let low = local - 86_400 * 2
        let high = local + 86_400 * 2
        guard fallback == nil || (coveredSeconds.contains(low) && coveredSeconds.contains(high)) else { return nil }
        let next = firstTransition(after: low)
        guard next == transitions.count || transitions[next] > high else { return nil }
        return next == 0 ? initialOffset : offsets[next - 1]
    }

    /// The wall-clock seconds (as if UTC) at `utcSeconds`.
    public func localSeconds(atUTC utcSeconds: Int) -> Int { utcSeconds + offset(atUTC: utcSeconds) }
}
