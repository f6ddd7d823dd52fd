import FeedModel
import Foundation

extension EventMerger {
    /// One entry from a cluster: the leading source's event, gaps filled from the others in order
    /// of precedence, categories united, every source item kept with its link.
    /// `group` indexes `items` and their start `instants`.
    func combine(_ group: [Int], items: ItemsInOrder, instants: [Int], uid: String) -> MergedEvent? {
        // Most events have one source: what the general path works out for them, without its arrays.
        if group.count == 1 { return single(group[0], items: items, uid: uid) }
        // Indices throughout, not copies of the items: an Event is many strings to retain.
        let masterIndices = group.filter { items[$0].payload.recurrenceID == nil }
        // Precedence: the organiser's own source, then priority, then configuration order.
        let candidates = masterIndices.isEmpty ? group : masterIndices
        // Most events have one source: nothing to rank, so no location folding.
        let ranked =
            candidates.count == 1
            ? [(candidates[0], false)]
            : candidates.map { ($0, isOrganiser(items[$0])) }.sorted {
                leads(items[$0.0], $0.1, over: items[$1.0], $1.1)
            }
        guard let (leaderIndex, _) = ranked.first else { return nil }
        // The leader by index too: a copy of the item would retain every field once more.
        let leaderRef = items[leaderIndex].ref
        var event = items[leaderIndex].payload
        event.uid = uid
        for (index, _) in ranked.dropFirst() where items[index].ref != leaderRef {
            let e = items[index].payload
            if event.summary?.isEmpty ?? true { event.summary = e.summary }
            if event.url == nil { event.url = e.url }
            if event.location?.isEmpty ?? true { event.location = e.location }
            if event.end == nil, instants[index] == instants[leaderIndex], e.start.isAllDay == event.start.isAllDay {
                event.end = e.end
            }
            if e.status == .cancelled { event.status = .cancelled }
        }
        // Sorted, each once; without a Set per event (the first of equal spellings stays, as in a Set).
        var categories = masterIndices.flatMap { items[$0].payload.categories }
        categories.sortAndDropRepeats()
        event.categories = categories
        event.lastModified = nil
        let overrides =
            group
            // An override shares its master's ref, so it is told from the leader by its item key.
            .filter {
                items[$0].payload.recurrenceID != nil && items[$0].ref.source == leaderRef.source
                    && items[$0].payload.itemKey != items[leaderIndex].payload.itemKey
            }
            .map { index -> Event in
                var override = items[index].payload
                override.uid = uid
                override.lastModified = nil
                return override
            }
            .sorted { ($0.recurrenceID?.civil ?? $0.start.civil) < ($1.recurrenceID?.civil ?? $1.start.civil) }
        let refs = group.map { index -> SourceItemRef in
            var ref = items[index].ref
            if ref.url == nil, items[index].payload.recurrenceID == nil { ref.url = items[index].payload.url }
            return ref
        }
        var sources = refs
        if refs.count > 1 {
            // An override carries the master's ref; keep one entry per ref, the one with a link.
            var byKey: [String: SourceItemRef] = [:]
            for ref in Set(refs).sorted() where byKey[ref.key]?.url == nil || ref.url != nil { byKey[ref.key] = ref }
            sources = byKey.values.sorted()
        }
        return MergedEvent(
            uid: uid, event: event, overrides: overrides, sources: sources,
            firstSeen: group.map { items[$0].firstSeen }.min() ?? items[leaderIndex].firstSeen,
            lastChanged: group.map { items[$0].lastChanged }.max() ?? items[leaderIndex].lastChanged)
    }

    /// `combine` for a cluster of one item: the item itself with the hub's UID, its categories
    /// sorted, each once (an override without its master keeps none), and its link as provenance.
    private func single(_ index: Int, items: ItemsInOrder, uid: String) -> MergedEvent {
        // Fields read in place: a copy of the whole item would retain each of its strings once more.
        var event = items[index].payload
        event.uid = uid
        if event.recurrenceID != nil {
            event.categories = []
        } else if !zip(event.categories, event.categories.dropFirst()).allSatisfy({ $0 < $1 }) {
            // Sorted and unique already is the rule: no copy of the list then.
            event.categories.sortAndDropRepeats()
        }
        event.lastModified = nil
        var ref = items[index].ref
        if ref.url == nil, event.recurrenceID == nil { ref.url = event.url }
        return MergedEvent(
            uid: uid, event: event, overrides: [], sources: [ref], firstSeen: items[index].firstSeen,
            lastChanged: items[index].lastChanged)
    }

    /// The organiser's own source leads (its city is in the location), then the member with the
    /// higher `priority`, then configuration order.
    func leads(_ a: SourcedItem<Event>, _ ha: Bool, over b: SourcedItem<Event>, _ hb: Bool) -> Bool {
        if ha != hb { return ha }
        if a.priority != b.priority { return a.priority > b.priority }
        return (a.rank, a.ref, a.payload.itemKey) < (b.rank, b.ref, b.payload.itemKey)
    }

    private func isOrganiser(_ item: SourcedItem<Event>) -> Bool {
        guard let city = item.memberCity.map(TextNormalizer.title), !city.isEmpty,
            let location = item.payload.location.map(TextNormalizer.title)
        else { return false }
        return " \(location) ".contains(" \(city) ")
    }
}
