import Foundation

/// A validated federation.json: the hub and its members' sources, with paths resolved.
public struct FederationConfig: Sendable {
    public var version: Int
    public var hub: HubSettings
    public var members: [Member]
    /// The file it was read from; relative source paths are resolved against its folder.
    public var configPath: String
    /// How events of several sources are matched (`$.dedup`), with the pinned corrections.
    public var dedup: DedupSettings
    /// SHA-256 of the file's bytes, taken when it was read: what published output was rendered from
    /// (a description of the parsed value would not do, its dictionaries change order between processes).
    public var fileDigest: String?

    public init(
        version: Int, hub: HubSettings, members: [Member], configPath: String, dedup: DedupSettings = DedupSettings()
    ) {
        self.version = version
        self.hub = hub
        self.members = members
        self.configPath = configPath
        self.dedup = dedup
    }

    /// Every source with the member that owns it, in configuration order.
    public var sources: [(member: Member, source: SourceSettings)] {
        members.flatMap { member in member.sources.map { (member, $0) } }
    }
}

/// Settings of the hub itself (`$.hub`).
public struct HubSettings: Sendable {
    public var id: String
    public var title: String
    /// Always ends with `/`.
    public var baseURL: String
    public var timeZone: TimeZone
    /// Absolute path of the folder the published files go to.
    public var publishDir: String
    /// Absolute path of the SQLite file.
    public var database: String
    /// Contact address named in the User-Agent and the published feeds.
    public var contact: String?
    public var language: String
    /// How many of the newest articles the news feeds carry (`$.hub.newsLimit`, default 200): a hub's
    /// feed is a window on recent news, not an archive, and rendering every stored article made
    /// large federations slow and memory-hungry.
    public var newsLimit: Int = HubSettings.defaultNewsLimit

    public static let defaultNewsLimit = 200
    public static let newsLimitRange = 1...10_000
}

/// One lab or group of the network (`$.members[i]`).
public struct Member: Sendable, Hashable {
    public var id: String
    public var name: String
    public var city: String?
    public var homepage: String?
    /// Higher leads when members publish the same event and neither is the host (default 0).
    public var priority: Int
    public var sources: [SourceSettings]
}

/// What a source contributes to the hub.
public enum SourceRole: String, Sendable, Hashable, Codable {
    case events, news
}

/// Where a source is read from.
public enum SourceLocation: Sendable, Hashable {
    case http(String)
    /// Absolute path, resolved against the config file's folder.
    case file(String)

    /// The text to show and to store: the URL, or the path as written in the config.
    public var display: String {
        switch self {
        case .http(let url): return url
        case .file(let path): return path
        }
    }
}

/// One feed of a member (`$.members[i].sources[j]`).
public struct SourceSettings: Sendable, Hashable {
    public var id: String
    /// The `url` as written in federation.json.
    public var url: String
    public var location: SourceLocation
    public var role: SourceRole
    public var title: String?
}
