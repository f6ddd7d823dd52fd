/// Disjoint sets over item indices, for clustering duplicates without all-pairs comparison.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root { (node, parent[node]) = (parent[node], root) }
        return root
    }

    /// Joins the sets; the smaller index becomes the root so clusters are independent of order.
    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// Every group of indices, each sorted, in order of their smallest index.
    mutating func groups() -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        for i in parent.indices { byRoot[find(i), default: []].append(i) }
        return byRoot.keys.sorted().map { byRoot[$0]! }
    }

    /// Joins every group of indices that share a key.
    mutating func union<Key: Hashable>(by keys: [Key?]) {
        var first: [Key: Int] = [:]
        for (index, key) in keys.enumerated() {
            guard let key else { continue }
            if let earlier = first[key] { union(earlier, index) } else { first[key] = index }
        }
    }
}
