/// Disjoint sets of items that also know which sources and pinned-apart items each set holds,
/// so a join that would break a constraint is refused instead of chaining two events together.
struct ClusterSets {
    /// Why a join was refused.
    enum Conflict {
        case sameSource
        case pinnedDifferent(pin: Int)
    }

    private var parent: [Int]
    /// Source numbers in each set (valid at roots), sorted.
    private var sources: [[Int32]]
    /// (pin, position) labels of "different" pins in each set (valid at roots).
    private var pinLabels: [Int: [(pin: Int, position: Int)]] = [:]

    init(sourceOf: [Int32]) {
        parent = Array(sourceOf.indices)
        sources = sourceOf.map { [$0] }
    }

    /// A small number per distinct source, in order of first appearance: what `sourceOf` holds.
    static func sourceNumbers(_ sources: some Sequence<String>) -> [Int32] {
        var numbers: [String: Int32] = [:]
        // Items come source by source: most lookups are the previous item's source.
        var previous: (source: String, number: Int32)?
        return sources.map { source in
            if let previous, previous.source == source { return previous.number }
            let n: Int32
            if let known = numbers[source] {
                n = known
            } else {
                n = Int32(numbers.count)
                numbers[source] = n
            }
            previous = (source, n)
            return n
        }
    }

    mutating func label(_ item: Int, pin: Int, position: Int) {
        pinLabels[item, default: []].append((pin, position))
    }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root { (node, parent[node]) = (parent[node], root) }
        return root
    }

    /// The constraint joining the sets of `a` and `b` would break; nil when they may join.
    mutating func conflict(_ a: Int, _ b: Int, disjointSources: Bool) -> Conflict? {
        let (ra, rb) = (find(a), find(b))
        if ra == rb { return nil }
        if let la = pinLabels[ra], let lb = pinLabels[rb] {
            for x in la {
                for y in lb where x.pin == y.pin && x.position != y.position { return .pinnedDifferent(pin: x.pin) }
            }
        }
        if disjointSources && sharedCount(sources[ra], sources[rb]) > 0 { return .sameSource }
        return nil
    }

    /// Joins the sets; the smaller root index stays the root, so the result is independent of order.
    /// Returns false when they were one set already.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        let (ra, rb) = (find(a), find(b))
        if ra == rb { return false }
        let (root, child) = (min(ra, rb), max(ra, rb))
        parent[child] = root
        sources[root] = Self.union(sources[root], sources[child])
        sources[child] = []
        if let labels = pinLabels.removeValue(forKey: child) { pinLabels[root, default: []] += labels }
        return true
    }

    /// Every set, each sorted, in order of its smallest index.
    mutating func groups() -> [[Int]] {
        // A root is its set's smallest index (`union`), so it comes before the rest of its set:
        // numbering roots as they come gives the order, with no dictionary of sets.
        var groupOfRoot = [Int](repeating: -1, count: parent.count)
        var groups: [[Int]] = []
        for i in parent.indices {
            let root = find(i)
            if root == i {
                groupOfRoot[i] = groups.count
                groups.append([i])
            } else {
                groups[groupOfRoot[root]].append(i)
            }
        }
        return groups
    }

    /// Two sorted, repeat-free arrays as one.
    private static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i])
                i += 1
            } else if i == a.count || b[j] < a[i] {
                out.append(b[j])
                j += 1
            } else {
                out.append(a[i])
                i += 1
                j += 1
            }
        }
        return out
    }
}
