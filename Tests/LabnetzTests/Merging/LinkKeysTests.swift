import FeedModel
import Foundation
import Testing

@testable import Merging

/// The link tier's table of links finds the items that share a link, the same way whether the
/// hashes of different links differ or all collide: equal hashes are checked against the bytes.
@Suite("link keys")
struct LinkKeysTests {
    /// Items with links from a small pool in several spellings (so many are shared), some without
    /// a link, some with no http(s) link, some overrides (which take no part).
    static func items(count: Int, seed: UInt64) -> [SourcedItem<Event>] {
        var random = SplitMix64(seed: seed)
        let spellings = [
            "https://www.lab.example/e/%d/", "HTTP://lab.example/e/%d?utm_source=x", "https://lab.example/e/%d",
        ]
        return (0..<count).map { n in
            let url: String? =
                switch random.below(10) {
                case 0: nil
                case 1: "mailto:lab@lab.example"
                default: String(format: spellings[random.below(spellings.count)], random.below(max(1, count / 3)))
                }
            let date = CivilDate(year: 2027, month: 5, day: 1)
            let start = EventTime.allDay(date)
            let source = "s\(random.below(7))"
            let isOverride = random.below(12) == 0
            return SourcedItem(
                ref: SourceItemRef(member: source, source: source, uid: "e\(n)"),
                payload: Event(
                    uid: "e\(n)", recurrenceID: isOverride ? start : nil, title: "Event \(n)", url: url, start: start),
                rank: 0, memberCity: nil, firstSeen: Date(timeIntervalSince1970: 0),
                lastChanged: Date(timeIntervalSince1970: 0))
        }
    }

    /// What the table must find, the plain way: masters grouped by `TextNormalizer.link`.
    static func expected(_ items: ItemsInOrder) -> [String: [Int]] {
        var byLink: [String: [Int]] = [:]
        for i in items.indices where items[i].payload.recurrenceID == nil {
            guard let link = items[i].payload.url.flatMap(TextNormalizer.link) else { continue }
            byLink[link, default: []].append(i)
        }
        return byLink.filter { $0.value.count > 1 }
    }

    @Test(arguments: [0, 1, 2, 50, 400])
    func sharedLinksAreFoundWithDistinctAndWithCollidingHashes(count: Int) {
        let items = ItemsInOrder(Self.items(count: count, seed: UInt64(count)))
        let masters = items.indices.filter { items[$0].payload.recurrenceID == nil }
        let expected = Self.expected(items)
        for keys in [LinkKeys(items), LinkKeys(items, hash: { _ in 42 })] {
            let found = keys.shared(among: masters)
            #expect(Dictionary(found.map { ($0.link, $0.items) }, uniquingKeysWith: { a, _ in a }) == expected)
            #expect(found.count == expected.count)
            for i in items.indices {
                let link =
                    items[i].payload.recurrenceID == nil ? items[i].payload.url.flatMap(TextNormalizer.link) : nil
                #expect(keys.link(i) == link)
            }
        }
        if count == 400 { #expect(expected.count > 20) }
    }

    @Test func onlyTheCandidatesAreGrouped() {
        let items = ItemsInOrder(Self.items(count: 200, seed: 7))
        let keys = LinkKeys(items, hash: { _ in 0 })
        let odd = items.indices.filter { $0 % 2 == 1 && items[$0].payload.recurrenceID == nil }
        for (_, group) in keys.shared(among: odd) {
            #expect(group.allSatisfy { $0 % 2 == 1 })
            #expect(group == group.sorted())
        }
    }

    @Test func linksEqualByCanonicalEquivalenceAreOneLink() {
        // "é" precomposed and decomposed: different bytes, one String, as the link tier always compared them.
        let links = ["https://lab.example/caf\u{E9}", "https://lab.example/cafe\u{301}/", "https://lab.example/cafe"]
        let items = ItemsInOrder(
            links.enumerated().map { n, url in
                SourcedItem(
                    ref: SourceItemRef(member: "s\(n)", source: "s\(n)", uid: "e\(n)"),
                    payload: Event(
                        uid: "e\(n)", title: "Event", url: url, start: .allDay(CivilDate(year: 2027, month: 5, day: 1))),
                    rank: 0, memberCity: nil, firstSeen: Date(timeIntervalSince1970: 0),
                    lastChanged: Date(timeIntervalSince1970: 0))
            })
        let shared = LinkKeys(items).shared(among: Array(items.indices))
        #expect(shared.count == 1)
        #expect(shared.first?.items.count == 2)
        #expect(shared.first.map { Set($0.items.map { items[$0].payload.url! }) } == Set(links.prefix(2)))
    }
}
