import FeedModel
import Foundation

/// Instants and hub-zone days of event times without a Calendar call per event: the hub zone's
/// UTC offset is looked up once per hour of time, the rest is civil arithmetic. Times in other
/// named zones take the exact (slower) path.
struct HubClock {
    let zone: TimeZone
    private var offsets: [Int: Int] = [:]

    init(zone: TimeZone) { self.zone = zone }

    /// The hub zone's UTC offset at `seconds` since 1970.
    mutating func offset(at seconds: Int) -> Int {
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        if let cached = offsets[hour] { return cached }
        let value = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600)))
        offsets[hour] = value
        return value
    }

    /// Seconds since 1970 of `time`; an all-day date counts from its midnight in the hub zone.
    mutating func instant(_ time: EventTime) -> Int {
        switch time {
        case .utc(let c): return c.secondsSince1970
        case .allDay(let d): return local(CivilDateTime(date: d, hour: 0, minute: 0, second: 0))
        case .floating(let c): return local(c)
        case .zoned(let c, let tzid):
            if tzid == zone.identifier || TimeZone(identifier: tzid) == nil { return local(c) }
            return Int(time.instant(hub: zone).timeIntervalSince1970.rounded(.down))
        }
    }

    /// The wall-clock time in the hub zone of `seconds` since 1970.
    mutating func civil(_ seconds: Int) -> CivilDateTime {
        CivilDateTime(secondsSince1970: seconds + offset(at: seconds))
    }

    private mutating func local(_ c: CivilDateTime) -> Int {
        let wall = c.secondsSince1970
        return wall - offset(at: wall - offset(at: wall))
    }
}
