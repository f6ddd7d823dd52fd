import FeedModel
import Federation
import Foundation

/// Clusters the same event published by several sources into one entry with a stable UID.
///
/// `EventClusterer` decides which items are one event; `IdentityAssigner` keeps their UIDs stable;
/// this type builds the published entries and tracks SEQUENCE, LAST-MODIFIED, aliases and events
/// whose sources all left.
public struct EventMerger: Sendable {
    public var hubID: String
    public var hubZone: TimeZone
    public var settings: DedupSettings
    let vocabulary: MatchVocabulary

    public init(
        hubID: String, hubZone: TimeZone, settings: DedupSettings = DedupSettings(), memberCities: [String] = []
    ) {
        self.hubID = hubID
        self.hubZone = hubZone
        self.settings = settings
        vocabulary = MatchVocabulary(settings: settings, memberCities: memberCities)
    }

    /// Merges `items` against what earlier syncs decided (`book`); `now` decides what is past.
    public func merge(_ items: [SourcedItem<Event>], book: IdentityBook = IdentityBook(), now: Date)
        -> EventMergeResult
    {
        // Sort first, so that clusters, leaders and UIDs never depend on input order.
        let items = ItemsInOrder(items)
        // Both key forms once: `sourceID/itemKey` (what pins and the trace name) and the stored
        // `sourceID/uid`, the same string for every item that is not an override.
        // One pass for all three, over the items as they lie in memory.
        var clock = HubClock(zone: hubZone)
        var itemKeys = [String](repeating: "", count: items.count)
        var refKeys = [String](repeating: "", count: items.count)
        var instants = [Int](repeating: 0, count: items.count)
        items.forEachInMemoryOrder { i, item in
            let itemKey = "\(item.ref.source)/\(item.payload.itemKey)"
            let plain = item.payload.recurrenceID == nil && item.ref.uid == item.payload.uid
            refKeys[i] = plain ? itemKey : item.ref.key
            itemKeys[i] = itemKey
            instants[i] = clock.instant(item.payload.start)
        }
        let clusterer = EventClusterer(settings: settings, vocabulary: vocabulary)
        let (groups, trace) = clusterer.cluster(items, itemKeys: itemKeys, instants: instants, clock: &clock)
        let uids = IdentityAssigner(hubID: hubID).assign(groups, keys: refKeys, book: book)
        // Sized up front: at 100k items these arrays are tens of MB, and growing them by doubling
        // copies them and, past the allocator's mmap threshold, faults in fresh pages each time.
        var publishing = EventOrder(capacity: groups.count)
        var events: [MergedEvent] = []
        events.reserveCapacity(groups.count)
        var assignments: [String: String] = [:]
        assignments.reserveCapacity(book.assignments.isEmpty ? items.count : 0)
        var records = MergeRecords()
        records.reserveCapacity(book.records.isEmpty ? groups.count : 0)
        var aliasTarget: [String: String] = [:]
        // The text of each content hash is written here: one buffer for the whole merge.
        var hashText: [UInt8] = []
        // On a first sync the book is empty: no key or UID to hash for looking it up.
        let (firstAssignments, firstRecords) = (book.assignments.isEmpty, book.records.isEmpty)
        for (g, group) in groups.enumerated() {
            let uid = uids[g]
            for i in group {
                let key = refKeys[i]
                let old = firstAssignments ? nil : book.assignments[key]
                if old != uid {
                    assignments[key] = uid
                    if let old, aliasTarget[old] == nil { aliasTarget[old] = uid }
                }
            }
        }
        // The entries are built taking each group when its first item comes up in memory order:
        // combining reads every string of the leading item, and in group order those reads jump
        // across all items (at 100k, hundreds of MB). The events are sorted for publishing below
        // anyway; the records are put back into group order.
        var groupStartingAt = [Int32](repeating: -1, count: items.count)
        for (g, group) in groups.enumerated() { groupStartingAt[group[0]] = Int32(g) }
        var recordGroups: [Int32] = []
        recordGroups.reserveCapacity(book.records.isEmpty ? groups.count : 0)
        for first in items.position {
            let g = Int(groupStartingAt[first])
            guard g >= 0 else { continue }
            let uid = uids[g]
            guard var merged = combine(groups[g], items: items, instants: instants, uid: uid) else { continue }
            let previous = firstRecords ? nil : book.records[uid]
            let created = previous?.created ?? merged.firstSeen
            let (record, contentChanged) = stamp(
                &merged, previous: previous, created: created, now: now, hashText: &hashText)
            let keep = previous == nil || contentChanged || previous?.state != .live
            // A cancelled event stays visible as cancelled until it is over.
            if merged.event.status == .cancelled && merged.isPast(at: now, hubZone: hubZone) {
                if keep {
                    records.append(record, .unpublished(records.unpublished.count))
                    recordGroups.append(Int32(g))
                    records.unpublished.append(merged)
                }
                continue
            }
            // The record's content is the published event, not a copy of it.
            if keep {
                records.append(record, .published(events.count))
                recordGroups.append(Int32(g))
            }
            publishing.append(start: clock.instant(merged.event.start), uid: merged.uid)
            // Moved, not copied: a copy retains every string of the event once more.
            events.append(consume merged)
        }
        records.sort(byGroup: recordGroups, groupCount: groups.count)
        // Only stored UIDs can be left unclaimed: no set of this merge's UIDs on a first sync.
        let claimed = book.records.isEmpty ? [] : Set(uids)
        for uid in book.records.keys.sorted() where !claimed.contains(uid) {
            let previous = book.records[uid]!
            guard previous.state == .live || previous.state == .orphaned else { continue }
            if let survivor = aliasTarget[uid] {
                var record = previous
                record.state = .alias
                record.aliasOf = survivor
                records.append(record, .none)
            } else if var merged = book.publishedContent(uid), !merged.isPast(at: now, hubZone: hubZone) {
                // Every source dropped it: subscribers see it cancelled rather than silently gone.
                merged.event.status = .cancelled
                for i in merged.overrides.indices { merged.overrides[i].status = .cancelled }
                var (record, contentChanged) = stamp(
                    &merged, previous: previous, created: previous.created, now: now, hashText: &hashText)
                record.state = .orphaned
                if contentChanged || previous.state != .orphaned { records.append(record, .published(events.count)) }
                publishing.append(start: clock.instant(merged.event.start), uid: merged.uid)
                events.append(merged)
            } else {
                var record = previous
                record.state = .removed
                records.append(record, .none)
            }
        }
        let order = publishing.order { events[$0].uid }
        events.permute(to: order)
        records.reindex(published: events, order: order)
        return EventMergeResult(
            events: events, assignments: assignments, records: records,
            clusters: zip(uids, groups).map { ($0, $1) }, trace: trace)
    }

    /// Sets SEQUENCE, CREATED and LAST-MODIFIED from the stored record: they move only when the
    /// published content does. Returns the record to keep (state live) and whether the content changed.
    private func stamp(
        _ merged: inout MergedEvent, previous: IdentityRecord?, created: Date, now: Date, hashText: inout [UInt8]
    ) -> (IdentityRecord, Bool) {
        let hash = merged.contentHash(buffer: &hashText)
        var record =
            previous
            ?? IdentityRecord(
                uid: merged.uid, state: .live, contentHash: hash, sequence: 0, lastModified: now, created: created)
        var changed = false
        if record.contentHash != hash {
            record.contentHash = hash
            record.sequence += 1
            record.lastModified = now
            changed = true
        }
        record.state = .live
        record.aliasOf = nil
        merged.event.sequence = record.sequence
        for i in merged.overrides.indices { merged.overrides[i].sequence = record.sequence }
        merged.firstSeen = record.created
        merged.lastChanged = record.lastModified
        return (record, changed)
    }
}
