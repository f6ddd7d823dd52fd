import FeedModel
import Federation
import Foundation
import Merging
import Storage

/// Everything the publishers render, gathered once per sync so every file tells the same story.
public struct PublishInput: Sendable {
    public var config: FederationConfig
    public var events: [MergedEvent]
    public var articles: [MergedArticle]
    /// Stored status of every configured source, in configuration order.
    public var sources: [SourceRecord]
    /// The sync's clock reading; only used to pick what is upcoming, never printed.
    public var now: Date

    public init(
        config: FederationConfig, events: [MergedEvent], articles: [MergedArticle], sources: [SourceRecord], now: Date
    ) {
        self.config = config
        self.events = events
        self.articles = articles
        self.sources = sources
        self.now = now
    }

    var hub: HubSettings { config.hub }

    /// The articles the news feeds carry: the newest `newsLimit` (`articles` is newest first).
    var newsArticles: ArraySlice<MergedArticle> { articles.prefix(hub.newsLimit) }

    /// The newest change of anything published: a stable "updated" stamp for the feeds.
    var contentUpdated: Date {
        let times =
            events.map(\.lastChanged) + newsArticles.map { $0.article.updated ?? $0.article.published ?? $0.firstSeen }
        return times.max() ?? Date(timeIntervalSince1970: 0)
    }

    func memberName(_ id: String) -> String {
        config.members.first { $0.id == id }?.name ?? id
    }
}
