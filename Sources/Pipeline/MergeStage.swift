import FeedModel
import Federation
import Foundation
import Merging
import Storage

/// Feeds the merger from the store and keeps its identity decisions: shared by `sync` and `explain`.
public struct MergeStage: Sendable {
    public var config: FederationConfig
    public var store: HubStore

    public init(config: FederationConfig, store: HubStore) {
        self.config = config
        self.store = store
    }

    /// The merger configured from federation.json: its dedup settings and member cities.
    public var merger: EventMerger {
        EventMerger(
            hubID: config.hub.id, hubZone: config.hub.timeZone, settings: config.dedup,
            memberCities: config.members.compactMap(\.city))
    }

    /// The stored events of every configured source, with rank, priority and city of their member.
    public func sourcedEvents() throws -> [SourcedItem<Event>] {
        let owners = owners()
        return try store.events(sourceIDs: config.sources.map(\.source.id)).map {
            sourced($0, uid: $0.payload.uid, owners: owners)
        }
    }

    /// The newest `limit` stored articles of the configured sources (see `HubStore.newestArticles`).
    public func newestSourcedArticles(limit: Int) throws -> [SourcedItem<Article>] {
        let owners = owners()
        return try store.newestArticles(sourceIDs: config.sources.map(\.source.id), limit: limit).map {
            sourced($0, uid: $0.payload.id, owners: owners)
        }
    }

    /// What earlier syncs decided: item assignments, UID records, and their last published content.
    public func identityBook() throws -> IdentityBook {
        let store = self.store
        return IdentityBook(
            assignments: try store.mergedIdentities(), records: try store.identityRecords(),
            publishedContent: { uid in
                (try? store.mergedEventPayload(uid: uid)).flatMap { $0 }.flatMap {
                    try? JSONDecoder().decode(MergedEvent.self, from: $0)
                }
            })
    }

    /// Merges the stored events; with `save`, stores the new identities, SEQUENCEs and content.
    public func mergeEvents(now: Date, save: Bool = true) throws -> EventMergeResult {
        let result = merger.merge(try sourcedEvents(), book: try identityBook(), now: now)
        guard save else { return result }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let rows = try result.records.map { record, content in
            (row: record, payload: try content.map { try encoder.encode($0) })
        }
        try store.saveMergedEvents(rows, assignments: result.assignments, now: now)
        return result
    }

    /// Position in the configuration and member of every source id, looked up once per merge:
    /// a search per item made a federation of 1,000 sources quadratic.
    private func owners() -> [String: (position: Int, member: Member)] {
        var result: [String: (position: Int, member: Member)] = [:]
        for (position, entry) in config.sources.enumerated() where result[entry.source.id] == nil {
            result[entry.source.id] = (position, entry.member)
        }
        return result
    }

    private func sourced<T>(
        _ stored: StoredItem<T>, uid: String, owners: [String: (position: Int, member: Member)]
    ) -> SourcedItem<T> {
        let position = owners[stored.sourceID]?.position
        let member = owners[stored.sourceID]?.member
        return SourcedItem(
            ref: SourceItemRef(member: member?.id ?? "", source: stored.sourceID, uid: uid),
            payload: stored.payload, rank: position ?? Int.max, priority: member?.priority ?? 0,
            memberCity: member?.city, firstSeen: stored.firstSeen, lastChanged: stored.lastChanged)
    }
}
