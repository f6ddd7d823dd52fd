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
    /// How many sources are fetched at the same time.
    public var concurrency = 4
    public var maxBytes = FetchRequest.defaultMaxBytes

    public init(config: FederationConfig, store: HubStore, logger: Logger = Logger(label: "labnetz.sync")) {
        self.config = config
        self.store = store
        self.logger = logger
    }

    /// Syncs every source, then merges and publishes. `now` is the only clock reading used.
    /// `force` re-reads and re-parses sources even when they did not change.
    public func run(now: Date, force: Bool = false, progress: @escaping @Sendable (SourceSyncResult) -> Void = { _ in })
        async throws -> SyncReport
    {
        let loader = SourceLoader(fetcher: CurlFetcher(), userAgent: userAgent, maxBytes: maxBytes)
        let sources = config.sources
        var results = [SourceSyncResult?](repeating: nil, count: sources.count)
        try await withThrowingTaskGroup(of: (Int, SourceSyncResult).self) { group in
            var next = 0
            func startNext() {
                guard next < sources.count else { return }
                let index = next
                let (member, source) = sources[index]
                next += 1
                group.addTask {
                    (index, try await sync(source, of: member, loader: loader, now: now, force: force))
                }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (index, result) = try await group.next() {
                results[index] = result
                progress(result)
                startNext()
            }
        }
        let published = try publish(now: now)
        return SyncReport(
            results: results.compactMap { $0 }, publishedFiles: published.files, eventCount: published.events,
            articleCount: published.articles)
    }

    /// Merges what the store holds for the configured sources and rewrites publishDir.
    public func publish(now: Date) throws -> (files: [String], events: Int, articles: Int) {
        let ids = config.sources.map(\.source.id)
        let stage = MergeStage(config: config, store: store)
        let mergedEvents = try stage.mergeEvents(now: now).events
        let articles = ArticleMerger.merge(try stage.sourcedArticles())
        let records = Dictionary(uniqueKeysWithValues: try store.sources().map { ($0.id, $0) })
        let ordered = ids.compactMap { records[$0] }
        let input = PublishInput(config: config, events: mergedEvents, articles: articles, sources: ordered, now: now)
        let files = try HubPublisher.publish(input)
        return (files, mergedEvents.count, articles.count)
    }

    var userAgent: String {
        "labnetz/0.1 (+\(config.hub.baseURL)\(config.hub.contact.map { "; \($0)" } ?? ""))"
    }

    private func sync(_ source: SourceSettings, of member: Member, loader: SourceLoader, now: Date, force: Bool)
        async throws -> SourceSyncResult
    {
        let identity = SourceIdentity(id: source.id, member: member.id, url: source.url, role: source.role.rawValue)
        let previous = try store.source(id: source.id)
        var result = SourceSyncResult(
            member: member.id, source: source.id, url: source.url, state: .failed, message: "",
            itemCount: previous?.itemCount ?? 0, warnings: [])
        // Items read by an older parser are re-read, or a parser fix would wait for the feed to change.
        let reread = force || (previous.map { $0.parserVersion != DocumentParser.version } ?? false)
        switch await loader.load(source, previous: previous, force: reread) {
        case .failed(let reason, let status):
            try store.recordFailure(identity, error: reason, httpStatus: status, now: now)
            result.message = reason + keptNote(previous)
            result.httpStatus = status
        case .unchanged(let meta):
            try store.recordUnchanged(identity, httpStatus: meta.httpStatus, validators: meta.validators, now: now)
            result.state = .unchanged
            result.httpStatus = meta.httpStatus
            result.movedTo = meta.movedTo
            result.message =
                "unchanged (\(meta.httpStatus == 304 ? "HTTP 304" : "same content")), \(result.itemCount) items"
        case .body(let data, let meta):
            result.httpStatus = meta.httpStatus
            result.movedTo = meta.movedTo
            let parsed = DocumentParser.parse(
                data, baseURL: meta.baseURL, contentType: meta.contentType, hubZone: config.hub.timeZone)
            switch parsed {
            case .failure(let failure):
                let reason = "cannot parse \(source.url): \(failure)"
                try store.recordFailure(identity, error: reason, httpStatus: meta.httpStatus, now: now)
                result.message = reason + keptNote(previous)
            case .success(let document):
                let warnings = document.warnings.map(\.description)
                try store.recordSuccess(
                    identity, events: document.events, articles: document.articles, format: document.version,
                    warnings: warnings, httpStatus: meta.httpStatus, validators: meta.validators,
                    parserVersion: DocumentParser.version, now: now)
                result.state = .ok
                result.itemCount = document.events.count + document.articles.count
                result.warnings = warnings
                var parts = ["\(document.version)"]
                if !document.events.isEmpty { parts.append("\(document.events.count) events") }
                if !document.articles.isEmpty { parts.append("\(document.articles.count) articles") }
                if document.events.isEmpty && document.articles.isEmpty { parts.append("no items") }
                if !warnings.isEmpty { parts.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s")") }
                result.message = parts.joined(separator: ", ")
                for warning in warnings { logger.warning("\(source.id): \(warning)") }
            }
        }
        return result
    }

    private func keptNote(_ previous: SourceRecord?) -> String {
        guard let previous, previous.itemCount > 0 else { return "" }
        return "; keeping the last \(previous.itemCount) good items"
    }
}
