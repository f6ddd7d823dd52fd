import FeedModel
import Federation
import Fetching
import Foundation
import Logging
import Merging
import Parsing
import Publishing
import Storage

/// The one place that knows the order: fetch → parse → normalize → store → merge → publish.
/// A failing source never stops a sync; it keeps its last good items.
public struct HubSync: Sendable {
    public var config: FederationConfig
    public var store: HubStore
    public var logger: Logger
    public var policy = SyncPolicy()

    public init(config: FederationConfig, store: HubStore, logger: Logger = Logger(label: "labnetz.sync")) {
        self.config = config
        self.store = store
        self.logger = logger
    }

    /// Syncs every due source, then merges and publishes. `now` is the only clock reading used.
    /// `force` fetches every source regardless of its schedule and re-parses unchanged content;
    /// `accept` names sources whose held content (no items, many lost events) is taken as it is.
    public func run(
        now: Date, force: Bool = false, accept: Set<String> = [],
        progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
    ) async throws -> SyncReport {
        let fetcher = CurlFetcher(
            maxConnections: policy.maxConnections, maxPerHost: policy.maxPerHost,
            maxBacklogBytes: policy.fetchAheadBytes)
        let loader = SourceLoader(fetcher: fetcher, userAgent: userAgent, policy: policy)
        let sources = config.sources
        // One read for every source's last state instead of one read transaction per source.
        let previous = Dictionary(uniqueKeysWithValues: try store.sources().map { ($0.id, $0) })
        var results = [SourceSyncResult?](repeating: nil, count: sources.count)
        // Every source gets a task at once: fetching must not wait for parsing, or a tarpit late in
        // the list starts its timeout only after everything before it is parsed. The fetcher's
        // backlog limit, not the task count, bounds the bodies waiting in memory.
        try await withThrowingTaskGroup(of: (Int, SourceSyncResult, UnchangedFetch?).self) { group in
            for (index, (member, source)) in sources.enumerated() {
                group.addTask {
                    let (result, unchanged) = try await sync(
                        source, of: member, previous: previous[source.id], loader: loader,
                        now: now, force: force, accepted: accept.contains(source.id), progress: progress)
                    return (index, result, unchanged)
                }
            }
            // Unchanged sources only update bookkeeping: written in batches, not a transaction each.
            var unchanged: [UnchangedFetch] = []
            while let (index, result, fetch) = try await group.next() {
                results[index] = result
                if let fetch {
                    unchanged.append(fetch)
                    if unchanged.count >= Self.unchangedBatch {
                        try store.recordUnchanged(unchanged, now: now)
                        unchanged.removeAll(keepingCapacity: true)
                    }
                }
                progress(.finished(result))
            }
            try store.recordUnchanged(unchanged, now: now)
        }
        // Every source's transaction has committed: the store is consistent, so publish now.
        let published = try publish(now: now, force: force)
        return SyncReport(
            results: results.compactMap { $0 }, publishedFiles: published.files, eventCount: published.events,
            articleCount: published.articles)
    }

    /// Merges what the store holds for the configured sources and rewrites publishDir.
    ///
    /// When nothing the content files depend on changed since they were last written (same stored
    /// content, same configuration, same hour), only status.json and status.html are rewritten;
    /// `force` renders everything regardless.
    public func publish(now: Date, force: Bool = false) throws -> (files: [String], events: Int, articles: Int) {
        let ids = config.sources.map(\.source.id)
        let records = Dictionary(uniqueKeysWithValues: try store.sources().map { ($0.id, $0) })
        let ordered = ids.compactMap { records[$0] }
        PublishLeftovers.remove(in: config.hub.publishDir)
        let digest = PublishFingerprint.digest(config: config, records: ordered, now: now)
        if !force, let recorded = PublishFingerprint.recorded(config), recorded.digest == digest {
            let input = PublishInput(config: config, events: [], articles: [], sources: ordered, now: now)
            let files = try HubPublisher.publishStatus(input)
            return (files, recorded.events, recorded.articles)
        }
        let stage = MergeStage(config: config, store: store)
        let mergedEvents = try stage.mergeEvents(now: now).events
        let articles = try newestMergedArticles(stage)
        let input = PublishInput(config: config, events: mergedEvents, articles: articles, sources: ordered, now: now)
        let files = try HubPublisher.publish(input)
        try PublishFingerprint(digest: digest, events: mergedEvents.count, articles: articles.count).record(config)
        return (files, mergedEvents.count, articles.count)
    }

    /// The articles the news feeds publish: the newest `newsLimit` after merging.
    ///
    /// Only a window of the newest stored articles is read and merged, wide enough that copies of one
    /// article from several sources (published close together) still merge and the cap is still
    /// filled; a copy older than the window no longer adds its source to the merged article.
    func newestMergedArticles(_ stage: MergeStage) throws -> [MergedArticle] {
        let limit = config.hub.newsLimit
        let window = limit * Self.articleWindowFactor
        let merged = ArticleMerger.merge(try stage.newestSourcedArticles(limit: window))
        return Array(merged.prefix(limit))
    }

    /// Unchanged sources recorded per transaction.
    static let unchangedBatch = 100

    /// How many times `newsLimit` stored articles are merged to fill the feeds.
    static let articleWindowFactor = 4

    /// Names labnetz and whom a lab's admin can ask about the polling.
    var userAgent: String {
        "labnetz/0.1 (+\(config.hub.baseURL)\(config.hub.contact.map { "; \($0)" } ?? ""))"
    }
}
