import FeedModel
import Foundation

/// Merges news items that several sources carry: the same id, the same canonical link, or
/// near-identical text (word shingles of the sanitized text, Jaccard at least `textThreshold`).
public enum ArticleMerger {
    /// Shingle overlap from which two articles of different sources are one.
    public static let textThreshold = 0.8

    /// Merged articles, newest first, ties broken by id so the order is stable.
    public static func merge(_ items: [SourcedItem<Article>]) -> [MergedArticle] {
        let items = items.sorted { ($0.ref, $0.payload.id) < ($1.ref, $1.payload.id) }
        var sets = ClusterSets(sourceOf: ClusterSets.sourceNumbers(items.lazy.map(\.ref.source)))
        for keys in [items.map { Optional($0.payload.id) }, items.map { $0.payload.link.flatMap(TextNormalizer.link) }]
        {
            var first: [String: Int] = [:]
            for (index, key) in keys.enumerated() {
                guard let key else { continue }
                if let earlier = first[key] { sets.union(earlier, index) } else { first[key] = index }
            }
        }
        joinNearIdenticalTexts(items, into: &sets)
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
            let refs = members.map { item -> SourceItemRef in
                var ref = item.ref
                ref.url = ref.url ?? item.payload.link
                return ref
            }
            merged.append(
                MergedArticle(
                    article: article, sources: Array(Set(refs)).sorted(),
                    firstSeen: members.map(\.firstSeen).min() ?? leader.firstSeen))
        }
        return merged.sorted {
            let (a, b) = ($0.article.published ?? $0.firstSeen, $1.article.published ?? $1.firstSeen)
            return a != b ? a > b : $0.article.id < $1.article.id
        }
    }

    /// Candidates share one of the smallest shingle hashes (never all pairs); only items of
    /// different sources are compared, since one source posting twice means two posts.
    /// A text join never puts two items of one source together, not even through a third.
    static func joinNearIdenticalTexts(_ items: [SourcedItem<Article>], into sets: inout ClusterSets) {
        // Re-posts often get a new title: the body alone is compared when it is long enough.
        let shingles = items.map { item in
            let body = item.payload.content ?? item.payload.summary ?? ""
            return TextShingles(html: body) ?? TextShingles(html: item.payload.title + " " + body)
        }
        var byKey: [UInt64: [Int]] = [:]
        for (i, s) in shingles.enumerated() { for key in s?.sketch ?? [] { byKey[key, default: []].append(i) } }
        var compared: Set<Int> = []
        for key in byKey.keys.sorted() {
            let list = byKey[key]!
            guard list.count > 1, list.count <= 64 else { continue }
            for x in 0..<list.count {
                for y in (x + 1)..<list.count where items[list[x]].ref.source != items[list[y]].ref.source {
                    guard compared.insert(list[x] << 32 | list[y]).inserted,
                        let a = shingles[list[x]], let b = shingles[list[y]], a.jaccard(b) >= textThreshold,
                        sets.conflict(list[x], list[y], disjointSources: true) == nil
                    else { continue }
                    sets.union(list[x], list[y])
                }
            }
        }
    }
}
