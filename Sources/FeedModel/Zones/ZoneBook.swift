import Foundation

/// The zones a set of events refers to: IANA zones, a calendar's own VTIMEZONE rules by
/// TZID, and the hub zone for floating times, all-day dates and unknown TZIDs.
///
/// Conversions go through `ZoneRules` (a binary search over transitions), which is what keeps
/// expanding thousands of instances cheap; Foundation is asked once per zone.
public struct ZoneBook: Sendable {
    public let hub: TimeZone
    private let hubRules: ZoneRules
    private var rules: [String: ZoneRules]

    /// `custom` holds VTIMEZONE rules by TZID; they win over an IANA zone of the same name
    /// only when the caller put them there.
    public init(hub: TimeZone, custom: [String: ZoneRules] = [:]) {
        self.hub = hub
        self.hubRules = Self.iana(hub.identifier) ?? ZoneRules(hub, years: Self.years)
        self.rules = custom
    }

    /// Years whose transitions are listed up front; outside them Foundation is asked.
    static let years = 1900...2100

    /// Adds the IANA zones that `events` name, so that later lookups need no Foundation call.
    public mutating func prepare(for events: [Event]) {
        for event in events {
            for t in event.allTimes { prepare(t) }
        }
    }

    public mutating func prepare(_ t: EventTime) {
        guard case .zoned(_, let tzid) = t, rules[tzid] == nil, let r = Self.iana(tzid) else { return }
        rules[tzid] = r
    }

    /// True when `tzid` is an IANA zone or one of the custom zones.
    public func knows(_ tzid: String) -> Bool { rules[tzid] != nil || Self.iana(tzid) != nil }

    /// The rules of `tzid` when it is an IANA zone or one of the custom zones.
    public func knownRules(_ tzid: String) -> ZoneRules? { rules[tzid] ?? Self.iana(tzid) }

    /// The rules that give `t` its instant.
    public func rules(for t: EventTime) -> ZoneRules {
        switch t {
        case .utc: return Self.utcRules
        case .zoned(_, let tzid): return rules[tzid] ?? Self.iana(tzid) ?? hubRules
        case .allDay, .floating: return hubRules
        }
    }

    /// UTC seconds since 1970 of `t`; an all-day date is its midnight in the hub zone.
    public func seconds(_ t: EventTime) -> Int {
        if case .utc(let c) = t { return CivilMath.seconds(c) }
        return rules(for: t).utcSeconds(forLocal: CivilMath.seconds(t.civil))
    }

    /// The wall-clock time at `utcSeconds` in the zone `t` is read in.
    public func civil(atUTC utcSeconds: Int, zoneOf t: EventTime) -> CivilDateTime {
        CivilMath.dateTime(fromSeconds: rules(for: t).localSeconds(atUTC: utcSeconds))
    }

    /// The instant of a wall-clock time in the zone `t` is read in.
    public func seconds(local c: CivilDateTime, zoneOf t: EventTime) -> Int {
        rules(for: t).utcSeconds(forLocal: CivilMath.seconds(c))
    }

    static let utcRules = ZoneRules(fixedOffset: 0)

    private static let cache = IANACache()

    /// The rules of an IANA zone, built once per process.
    static func iana(_ identifier: String) -> ZoneRules? { cache.rules(identifier) }
}

/// Rules of IANA zones by identifier; a pure function of the identifier, so sharing it
/// between calls changes no result.
private final class IANACache: @unchecked Sendable {
    private let lock = NSLock()
    private var built: [String: ZoneRules?] = [:]

    func rules(_ identifier: String) -> ZoneRules? {
        lock.lock()
        defer { lock.unlock() }
        if let known = built[identifier] { return known }
        let made = TimeZone(identifier: identifier).map { ZoneRules($0, years: ZoneBook.years) }
        built[identifier] = .some(made)
        return made
    }
}
