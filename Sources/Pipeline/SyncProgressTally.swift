/// Counts a running sync's sources by where they are (queued for a connection, on the wire, being
/// read and stored, done) and writes the one-line summary a terminal shows while the sync runs.
///
/// Queued sources are counted apart from fetching ones: with a thousand sources and 64 connections,
/// calling all of them "fetching" hid which ones were really on the wire.
public struct SyncProgressTally: Sendable {
    public private(set) var done = 0
    /// Sources waiting for a connection, by the order they were queued.
    public private(set) var queued: [String: Int] = [:]
    /// Sources whose fetch is on the wire, by the order they started.
    public private(set) var fetching: [String: Int] = [:]
    /// Sources whose fetch is over and whose content is being read and stored.
    public var reading: Int { readingNames.count }
    private var readingNames: Set<String> = []
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
        case .reading(let member, let source):
            let name = "\(member)/\(source)"
            fetching[name] = nil
            readingNames.insert(name)
        case .finished(let result):
            let name = "\(result.member)/\(result.source)"
            done += 1
            queued[name] = nil
            fetching[name] = nil
            readingNames.remove(name)
        }
    }

    /// "[12/1000] fetching a/x, b/y, c/z +61; 40 reading; 887 queued", at most `width` characters:
    /// names are dropped (and counted in "+N") before the counts are cut.
    public func line(total: Int, width: Int = 78) -> String {
        let head = "[\(done)/\(total)]"
        var counts: [String] = []
        if reading > 0 { counts.append("\(reading) reading") }
        if !queued.isEmpty { counts.append("\(queued.count) queued") }
        let tail = counts.isEmpty ? "" : (fetching.isEmpty ? " " : "; ") + counts.joined(separator: "; ")
        guard !fetching.isEmpty else { return String((head + tail).prefix(width)) }
        var names = Self.oldest(3, of: fetching)
        while true {
            let more = fetching.count - names.count
            let middle =
                names.isEmpty
                ? " fetching \(fetching.count)"
                : " fetching " + names.joined(separator: ", ") + (more > 0 ? " +\(more)" : "")
            let line = head + middle + tail
            if line.count <= width || names.isEmpty { return String(line.prefix(width)) }
            names.removeLast()
        }
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
