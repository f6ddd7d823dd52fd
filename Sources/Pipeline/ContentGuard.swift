import FeedModel
import Foundation

/// Decides whether freshly parsed content looks like an accident rather than a real change:
/// a source that suddenly has no items, or that loses too many of its upcoming events at once
/// (a CMS update that breaks an export, a half-written file). Such content is held back.
struct ContentGuard {
    /// Upcoming events may shrink by this fraction in one sync without a hold.
    var maxFutureEventLoss: Double
    var hubZone: TimeZone

    /// Why the new content is held, in plain words; nil when it may replace the stored items.
    func holdReason(
        storedEvents: [Event], storedItemCount: Int, newEvents: [Event], newItemCount: Int, now: Date
    ) -> String? {
        if storedItemCount > 0 && newItemCount == 0 {
            return "the source suddenly has no items (it had \(storedItemCount))"
        }
        let upcoming = storedEvents.filter { isUpcoming($0, now: now) }
        guard !upcoming.isEmpty else { return nil }
        let present = Set(newEvents.map(\.itemKey))
        let lost = upcoming.filter { !present.contains($0.itemKey) }.count
        // One removed event of a small calendar is ordinary editing; only bulk losses are suspicious.
        guard lost >= 2, Double(lost) > Double(upcoming.count) * maxFutureEventLoss else { return nil }
        let percent = lost * 100 / upcoming.count
        return "\(lost) of \(upcoming.count) upcoming events (\(percent) %) disappeared in one sync"
    }

    /// Not over yet at `now`; a recurring series counts as upcoming (it may have later instances).
    func isUpcoming(_ event: Event, now: Date) -> Bool {
        if !event.rrules.isEmpty || !event.rdates.isEmpty { return true }
        let last = event.end ?? event.start
        return last.instant(hub: hubZone) >= now
    }
}
