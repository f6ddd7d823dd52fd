import FeedModel
import Foundation

/// Clusters the same event published by several sources into one entry with a stable UID.
///
/// First version of the tiers: the same source UID, the same item-specific link, then the same
/// normalized title starting at the same instant (or on the same day, for all-day events).
public struct EventMerger: Sendable {
    public var hubID: String
    public var hubZone: TimeZone

    public init(hubID: String, hubZone: TimeZone) {
        self.hubID = hubID
        self.hubZone = hubZone
    }

    /// Merges `items`; `identities` maps source item keys to UIDs minted by earlier syncs.
    /// Returns the merged events sorted by start and UID, and the identities to store.
    public func merge(_ items: [SourcedItem<Event>], identities: [String: String]) -> (
        events: [MergedEvent], identities: [String: String]
    ) {
        // Sort first, so that clusters, leaders and UIDs never depend on input order.
        let items = items.sorted { ($0.ref, $0.payload.itemKey) < ($1.ref, $1.payload.itemKey) }
        let masters = items.indices.filter { items[$0].payload.recurrenceID == nil }
        var sets = UnionFind(count: items.count)
        sets.union(by: items.map { $0.payload.recurrenceID == nil ? $0.payload.uid : nil })
        sets.union(by: linkKeys(items, masters: masters))
        sets.union(by: items.map { $0.payload.recurrenceID == nil ? titleAndStartKey($0.payload) : nil })
        // An override belongs with its master in the same source.
        var masterIndex: [String: Int] = [:]
        for i in masters { masterIndex["\(items[i].ref.source)\u{1F}\(items[i].payload.uid)"] = i }
        for (i, item) in items.enumerated() where item.payload.recurrenceID != nil {
            if let master = masterIndex["\(item.ref.source)\u{1F}\(item.payload.uid)"] { sets.union(master, i) }
        }

        var merged: [MergedEvent] = []
        var newIdentities: [String: String] = [:]
        var taken: Set<String> = []
        let knownUIDs = Set(identities.values)
        let groups = sets.groups().sorted { $0.count > $1.count || ($0.count == $1.count && $0[0] < $1[0]) }
        for group in groups {
            let members = group.map { items[$0] }
            let uid = stableUID(for: members, identities: identities, known: knownUIDs, taken: &taken)
            for item in members { newIdentities[item.ref.key] = uid }
            if let event = combine(members, uid: uid) { merged.append(event) }
        }
        merged.sort { ($0.event.start.instant(hub: hubZone), $0.uid) < ($1.event.start.instant(hub: hubZone), $1.uid) }
        return (merged, newIdentities)
    }

    /// A link joins items only when it names one item: an events page every item links to must not.
    private func linkKeys(_ items: [SourcedItem<Event>], masters: [Int]) -> [String?] {
        var keys = [String?](repeating: nil, count: items.count)
        var perSource: [String: [String: Int]] = [:]
        for i in masters {
            guard let url = items[i].payload.url, let key = TextNormalizer.link(url) else { continue }
            keys[i] = key
            perSource[items[i].ref.source, default: [:]][key, default: 0] += 1
        }
        for i in masters {
            if let key = keys[i], perSource[items[i].ref.source]?[key] ?? 0 > 1 { keys[i] = nil }
        }
        return keys
    }

    private func titleAndStartKey(_ event: Event) -> String? {
        let title = TextNormalizer.title(event.title)
        guard !title.isEmpty else { return nil }
        let start: String
        if case .allDay(let date) = event.start {
            start = "D" + date.basicString
        } else {
            start = "T\(Int(event.start.instant(hub: hubZone).timeIntervalSince1970))"
        }
        // A series and a one-off on the same start are different things.
        return "\(title)\u{1F}\(start)\u{1F}\(event.rrules.isEmpty ? "once" : "series")"
    }

    private func stableUID(
        for members: [SourcedItem<Event>], identities: [String: String], known: Set<String>, taken: inout Set<String>
    ) -> String {
        var votes: [String: Int] = [:]
        for item in members { if let uid = identities[item.ref.key] { votes[uid, default: 0] += 1 } }
        let ranked = votes.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        if let kept = ranked.first(where: { !taken.contains($0.key) })?.key {
            taken.insert(kept)
            return kept
        }
        var seed = members.map(\.ref.key).min() ?? ""
        while true {
            let uid = String(SHA256.hex(seed).prefix(32)) + "@" + hubID + ".labnetz"
            // Never reuse a UID that once named another event: subscribers still hold it.
            if !taken.contains(uid) && !known.contains(uid) {
                taken.insert(uid)
                return uid
            }
            seed += "+"
        }
    }
}

extension EventMerger {
    /// One entry from a cluster: the leading source's event, gaps filled from the others.
    func combine(_ members: [SourcedItem<Event>], uid: String) -> MergedEvent? {
        let masters = members.filter { $0.payload.recurrenceID == nil }
        guard let leader = (masters.isEmpty ? members : masters).min(by: { leads($0, over: $1) }) else { return nil }
        var event = leader.payload
        event.uid = uid
        for other in masters.sorted(by: { leads($0, over: $1) }) where other.ref != leader.ref {
            let e = other.payload
            if event.summary?.isEmpty ?? true { event.summary = e.summary }
            if event.url == nil { event.url = e.url }
            if event.location?.isEmpty ?? true { event.location = e.location }
            if event.end == nil, e.start == event.start { event.end = e.end }
            if e.status == .cancelled { event.status = .cancelled }
        }
        event.categories = Array(Set(masters.flatMap(\.payload.categories))).sorted()
        event.sequence = members.compactMap(\.payload.sequence).max()
        event.lastModified = nil
        let overrides =
            members
            // An override shares its master's ref, so it is told from the leader by its item key.
            .filter {
                $0.payload.recurrenceID != nil && $0.ref.source == leader.ref.source
                    && $0.payload.itemKey != leader.payload.itemKey
            }
            .map { item -> Event in
                var override = item.payload
                override.uid = uid
                return override
            }
            .sorted { ($0.recurrenceID?.civil ?? $0.start.civil) < ($1.recurrenceID?.civil ?? $1.start.civil) }
        return MergedEvent(
            uid: uid, event: event, overrides: overrides, sources: Array(Set(members.map(\.ref))).sorted(),
            firstSeen: members.map(\.firstSeen).min() ?? leader.firstSeen,
            lastChanged: members.map(\.lastChanged).max() ?? leader.lastChanged)
    }

    /// The organiser's own source leads (its city is in the location), then configuration order.
    private func leads(_ a: SourcedItem<Event>, over b: SourcedItem<Event>) -> Bool {
        let (ha, hb) = (isOrganiser(a), isOrganiser(b))
        if ha != hb { return ha }
        return (a.rank, a.ref) < (b.rank, b.ref)
    }

    private func isOrganiser(_ item: SourcedItem<Event>) -> Bool {
        guard let city = item.memberCity.map(TextNormalizer.title), !city.isEmpty,
            let location = item.payload.location.map(TextNormalizer.title)
        else { return false }
        return " \(location) ".contains(" \(city) ")
    }
}
