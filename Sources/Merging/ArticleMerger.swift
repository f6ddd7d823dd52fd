import FeedModel
import Foundation

/// Merges news items that several sources carry: the same id or the same canonical link.
public enum ArticleMerger {
    /// Merged articles, newest first, ties broken by id so the order is stable.
    public static func merge(_ items: [SourcedItem<Article>]) -> [MergedArticle] {
        let items = items.sorted { ($0.ref, $0.payload.id) < ($1.ref, $1.payload.id) }
        var sets = UnionFind(count: items.count)
        sets.union(by: items.map { Optional($0.payload.id) })
        sets.union(by: items.map { $0.payload.link.flatMap(TextNormalizer.link) })
        var merged: [MergedArticle] = []
        for group in sets.groups() {
            let members = group.map { items[$0] }
            // The first publisher (earliest date, then configuration order) is the original.
            guard
                let leader = members.min(by: {
                    ($0.payload.published ?? .distantFuture, $0.rank, $0.ref)
                        < ($1.payload.published ?? .distantFuture, $1.rank, $1.ref)
                })
            else { continue }
            var article = leader.payload
            article.categories = Array(Set(members.flatMap(\.payload.categories))).sorted()
            merged.append(
                MergedArticle(
                    article: article, sources: Array(Set(members.map(\.ref))).sorted(),
                    firstSeen: members.map(\.firstSeen).min() ?? leader.firstSeen))
        }
        return merged.sorted {
            let (a, b) = ($0.article.published ?? $0.firstSeen, $1.article.published ?? $1.firstSeen)
            return a != b ? a > b : $0.article.id < $1.article.id
        }
    }
}
