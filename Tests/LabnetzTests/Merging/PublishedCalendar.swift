import Federation
import Foundation

/// The VEVENTs of a published regional.ics, unfolded, as tests look at them.
struct PublishedCalendar {
    struct Entry {
        var uid: String
        var properties: [String: String]
        var sources: [String]

        subscript(_ name: String) -> String? { properties[name] }
    }

    let text: String
    let entries: [Entry]

    init(_ config: FederationConfig) throws {
        let path = (config.hub.publishDir as NSString).appendingPathComponent("regional.ics")
        text = try String(contentsOfFile: path, encoding: .utf8)
        var entries: [Entry] = []
        var current: Entry?
        for line in text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let head = String(line[..<colon])
            let name = String(head.split(separator: ";").first ?? "")
            let value = String(line[line.index(after: colon)...])
            if line == "BEGIN:VEVENT" {
                current = Entry(uid: "", properties: [:], sources: [])
            } else if line == "END:VEVENT", let entry = current {
                entries.append(entry)
                current = nil
            } else if current != nil {
                if name == "UID" { current?.uid = value }
                if name == "X-LABNETZ-SOURCE" { current?.sources.append(value) }
                if current?.properties[name] == nil { current?.properties[name] = value }
            }
        }
        self.entries = entries
    }

    /// The entry that carries the source item `key` (`sourceID/UID`), if any.
    func entry(carrying key: String) -> Entry? {
        entries.first { $0.sources.contains { $0.hasSuffix("/" + key.replacingOccurrences(of: ",", with: "\\,")) } }
    }

    func entry(uid: String) -> Entry? { entries.first { $0.uid == uid } }
}
