import FeedModel

/// The zones `inspect` writes times in: rules by TZID, and by the small index an `InspectTime`
/// carries. The rows of one series all ask for the same zone, so most lookups need no hashing.
struct InspectZones {
    let hub: ZoneBook
    private var rules: [ZoneRules?] = []
    private var indexOf: [String: Int32] = [:]
    private var lastTZID = ""
    private var lastIndex: Int32 = -1

    init(_ hub: ZoneBook) { self.hub = hub }

    mutating func index(_ tzid: String) -> Int32 {
        if lastIndex >= 0, tzid == lastTZID { return lastIndex }
        let index: Int32
        if let known = indexOf[tzid] {
            index = known
        } else {
            index = Int32(rules.count)
            rules.append(hub.knownRules(tzid))
            indexOf[tzid] = index
        }
        lastTZID = tzid
        lastIndex = index
        return index
    }

    /// `ZoneBook.knownRules`, looked up once per TZID.
    mutating func knownRules(_ tzid: String) -> ZoneRules? { rules[Int(index(tzid))] }

    mutating func pack(_ t: EventTime) -> InspectTime {
        switch t {
        case .allDay(let d): return InspectTime(CivilDateTime(date: d, hour: 0, minute: 0, second: 0), kind: .allDay)
        case .utc(let c): return InspectTime(c, kind: .utc)
        case .floating(let c): return InspectTime(c, kind: .floating)
        case .zoned(let c, let tzid): return InspectTime(c, kind: .zoned, zone: index(tzid))
        }
    }

    /// DATE `YYYY-MM-DD`; zoned and UTC with the offset in effect; floating without one (also a
    /// TZID that names no known zone and has no VTIMEZONE).
    mutating func write(_ t: EventTime, into out: inout JSONBytes) {
        // Packed first: `pack` may add the zone, and the write must see it.
        let packed = pack(t)
        write(packed, into: &out)
    }

    /// As `write(_: EventTime, into:)`, for a packed time.
    func write(_ t: InspectTime, into out: inout JSONBytes) {
        switch t.kind {
        case .allDay: out.append(t.civil.date)
        case .floating: out.append(t.civil)
        case .utc:
            out.append(t.civil)
            out.append("+00:00")
        case .zoned:
            let c = t.civil
            guard let rules = rules[Int(t.zone)] else { return out.append(c) }
            let local = c.secondsSince1970
            let (seconds, offset) = rules.resolve(local: local)
            // Only a time in a DST gap reads as another wall-clock time.
            out.append(seconds + offset == local ? c : CivilDateTime(secondsSince1970: seconds + offset))
            out.appendOffset(offset)
        }
    }
}
