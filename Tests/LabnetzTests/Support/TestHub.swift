import Federation
import Foundation

/// Small federation configs for tests, written into a temporary folder.
enum TestHub {
    /// A config with the given members; each source is `(member, sourceID, url, role)`.
    static func config(
        in folder: URL, sources: [(member: String, id: String, url: String, role: String)],
        baseURL: String = "http://127.0.0.1:8080/", hubExtras: [String: Any] = [:]
    ) throws -> FederationConfig {
        var members: [[String: Any]] = []
        var seen: Set<String> = []
        for member in sources.map(\.member) where seen.insert(member).inserted {
            members.append([
                "id": member, "name": member.capitalized + " Lab", "city": member.capitalized,
                "homepage": "https://\(member).example/",
                "sources": sources.filter { $0.member == member }.map {
                    ["id": $0.id, "url": $0.url, "role": $0.role]
                },
            ])
        }
        let hub: [String: Any] = [
            "id": "testhub", "title": "Testkalender", "baseURL": baseURL, "timeZone": "Europe/Berlin",
            "publishDir": "public", "database": "data/hub.sqlite", "contact": "hub@test.example",
        ]
        let json: [String: Any] = [
            "version": 1,
            "hub": hub.merging(hubExtras) { $1 },
            "members": members,
        ]
        let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
        let path = folder.appendingPathComponent("federation.json")
        try data.write(to: path)
        return try FederationLoader.load(path: path.path)
    }
}
