/// Counts a running sync's sources by where they are (queued for a connection, being fetched and
/// read, done) and writes the one-line summary a terminal shows while the sync runs.
///
/// Queued sources are counted apart from fetching ones: with a thousand sources and 64 connections,
/// calling all of them "fetching" hid which ones were really on the wire.
public struct SyncProgressTally: Sendable {
    public private(set) var done = 0
    /// Sources waiting for a connection, by the order they were queued.
    public private(set) var queued: [String: Int] = [:]
    /// Sources whose fetch is on the wire (or whose content is being read), by the order they started.
    public private(set) var fetching: [String: Int] = [:]
    private var order = 0

    public init() {}

    public mutating func record(_ progress: SyncProgress) {
        order += 1
        switch progress {
        case .started(let member, let source):
            queued["\(member)/\(source)"] = order
        case .fetching(let member, let source):
            let name = "\(member)/\(source)"
            queued[name] = nil
            fetching[name] = order
        case .finished(let result):
            let name = "\(result.member)/\(result.source)"
            done += 1
            queued[name] = nil
            fetching[name] = nil
        }
    }

    /// "[12/1000] fetching a/x, b/y, c/z +61; 927 queued", cut to `width` characters.
    public func line(total: Int, width: Int = 78) -> String {
        var line = "[\(done)/\(total)]"
        if !fetching.isEmpty {
            let names = Self.oldest(3, of: fetching).joined(separator: ", ")
            line += " fetching \(names)" + (fetching.count > 3 ? " +\(fetching.count - 3)" : "")
        }
        if !queued.isEmpty { line += (fetching.isEmpty ? " " : "; ") + "\(queued.count) queued" }
        return String(line.prefix(width))
    }

    /// The `count` earliest-started names, in starting order, in one pass.
    static func oldest(_ count: Int, of running: [String: Int]) -> [String] {
        var picked: [(name: String, order: Int)] = []
        for (name, order) in running where picked.count < count || order < picked[picked.count - 1].order {
            picked.append((name, order))
            picked.sort { $0.order < $1.order }
            if picked.count > count { picked.removeLast() }
        }
        return picked.map(\.name)
    }
}
