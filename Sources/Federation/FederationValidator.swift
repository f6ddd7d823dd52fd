import Foundation

/// Walks the JSON tree of federation.json; collects all problems instead of stopping at the first.
struct FederationValidator {
    let folder: String
    var problems: [ConfigProblem] = []
    private var sourceIDs: [String: String] = [:]

    init(folder: String) { self.folder = folder }

    mutating func validate(_ json: Any) -> FederationConfig? {
        guard var root = JSONObjectReader(json, path: "$") else {
            problems.append(ConfigProblem(path: "$", message: "must be a JSON object"))
            return nil
        }
        let version = root.integer("version", required: true)
        if let version, version != 1 {
            root.problem("version", "unsupported version \(version); this labnetz reads version 1")
        }
        let hub = readHub(root.raw("hub"), required: true)
        var members: [Member] = []
        if let list = root.array("members", required: true) {
            if list.isEmpty { root.problem("members", "must name at least one member") }
            var memberIDs: [String: Int] = [:]
            for (index, item) in list.enumerated() {
                let path = "$.members[\(index)]"
                guard let member = readMember(item, path: path) else { continue }
                if let first = memberIDs[member.id] {
                    problems.append(
                        ConfigProblem(
                            path: path + ".id",
                            message: "duplicate member id \"\(member.id)\" (also $.members[\(first)])"))
                } else {
                    memberIDs[member.id] = index
                }
                members.append(member)
            }
        }
        let dedup = readDedup(root.raw("dedup"), sourceIDs: Set(sourceIDs.keys))
        root.reportUnknownKeys()
        problems.insert(contentsOf: root.problems, at: 0)
        guard let version, let hub else { return nil }
        return FederationConfig(version: version, hub: hub, members: members, configPath: "", dedup: dedup)
    }

    private mutating func readHub(_ value: Any?, required: Bool) -> HubSettings? {
        guard var hub = JSONObjectReader(value, path: "$.hub") else {
            problems.append(
                ConfigProblem(path: "$.hub", message: value == nil ? "missing required object" : "must be an object"))
            return nil
        }
        defer { problems.append(contentsOf: hub.problems) }
        let id = hub.string("id", required: true)
        if let id, !Self.isSlug(id) { hub.problem("id", Self.slugRule) }
        let title = hub.string("title", required: true)
        var baseURL = hub.string("baseURL", required: true)
        if let url = baseURL {
            if Self.httpURL(url) == nil {
                hub.problem("baseURL", "must be an absolute http:// or https:// URL, found \"\(url)\"")
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        var zone: TimeZone?
        if let name = hub.string("timeZone", required: true) {
            zone = TimeZone(identifier: name)
            if zone == nil { hub.problem("timeZone", "unknown IANA time zone \"\(name)\" (e.g. \"Europe/Berlin\")") }
        }
        let publishDir = hub.string("publishDir", required: true)
        let database = hub.string("database", required: true)
        let contact = hub.string("contact", required: false)
        let language = hub.string("language", required: false) ?? "de"
        var newsLimit = hub.integer("newsLimit", required: false) ?? HubSettings.defaultNewsLimit
        if !HubSettings.newsLimitRange.contains(newsLimit) {
            let range = HubSettings.newsLimitRange
            hub.problem("newsLimit", "must be from \(range.lowerBound) to \(range.upperBound), found \(newsLimit)")
            newsLimit = HubSettings.defaultNewsLimit
        }
        hub.reportUnknownKeys()
        guard let id, let title, let baseURL, let zone, let publishDir, let database else { return nil }
        return HubSettings(
            id: id, title: title, baseURL: baseURL, timeZone: zone, publishDir: resolve(publishDir),
            database: resolve(database), contact: contact, language: language, newsLimit: newsLimit)
    }

    private mutating func readMember(_ value: Any, path: String) -> Member? {
        guard var member = JSONObjectReader(value, path: path) else {
            problems.append(ConfigProblem(path: path, message: "must be an object"))
            return nil
        }
        defer { problems.append(contentsOf: member.problems) }
        let id = member.string("id", required: true)
        if let id, !Self.isSlug(id) { member.problem("id", Self.slugRule) }
        let name = member.string("name", required: true)
        let city = member.string("city", required: false)
        let homepage = member.string("homepage", required: false)
        let priority = member.integer("priority", required: false) ?? 0
        if let homepage, Self.httpURL(homepage) == nil {
            member.problem("homepage", "must be an absolute http:// or https:// URL, found \"\(homepage)\"")
        }
        var sources: [SourceSettings] = []
        if let list = member.array("sources", required: true) {
            if list.isEmpty { member.problem("sources", "must name at least one source") }
            for (index, item) in list.enumerated() {
                if let source = readSource(item, path: "\(path).sources[\(index)]") { sources.append(source) }
            }
        }
        member.reportUnknownKeys()
        // A member without a name still takes part in the duplicate-id check; the problem is recorded.
        guard let id else { return nil }
        return Member(
            id: id, name: name ?? "", city: city, homepage: homepage, priority: priority, sources: sources)
    }

    private mutating func readSource(_ value: Any, path: String) -> SourceSettings? {
        guard var source = JSONObjectReader(value, path: path) else {
            problems.append(ConfigProblem(path: path, message: "must be an object"))
            return nil
        }
        defer { problems.append(contentsOf: source.problems) }
        let id = source.string("id", required: true)
        if let id {
            if !Self.isSlug(id) { source.problem("id", Self.slugRule) }
            if let first = sourceIDs[id] {
                source.problem("id", "duplicate source id \"\(id)\" (also \(first))")
            } else {
                sourceIDs[id] = path + ".id"
            }
        }
        let url = source.string("url", required: true)
        var location: SourceLocation?
        if let url {
            location = sourceLocation(url)
            if location == nil {
                source.problem(
                    "url", "must be an http:// or https:// URL or a path relative to the config file, found \"\(url)\"")
            }
        }
        var role: SourceRole?
        if let text = source.string("role", required: true) {
            role = SourceRole(rawValue: text)
            if role == nil { source.problem("role", "must be \"events\" or \"news\", found \"\(text)\"") }
        }
        let title = source.string("title", required: false)
        source.reportUnknownKeys()
        guard let id, let url, let location, let role else { return nil }
        return SourceSettings(id: id, url: url, location: location, role: role, title: title)
    }

    private func sourceLocation(_ text: String) -> SourceLocation? {
        if let scheme = Self.scheme(of: text) {
            guard scheme == "http" || scheme == "https", Self.httpURL(text) != nil else { return nil }
            return .http(text)
        }
        // A colon before any slash means another scheme (mailto:, file:, javascript:), not a path.
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") { return nil }
        if text.hasPrefix("/") || text.hasPrefix("~") || text.contains("\0") { return nil }
        return .file(resolve(text))
    }

    /// The lower-cased text before the first "://", if there is one (Foundation's `range(of:)` was a
    /// hot spot when loading a federation of a thousand sources).
    static func scheme(of text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return nil }
        for i in 0...(bytes.count - 3) where bytes[i] == 0x3A && bytes[i + 1] == 0x2F && bytes[i + 2] == 0x2F {
            return String(decoding: bytes[..<i], as: UTF8.self).lowercased()
        }
        return nil
    }

    private func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: folder).appendingPathComponent(path).standardizedFileURL.path
    }

    static func httpURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty,
            !Self.hasWhitespace(text)
        else { return nil }
        return url
    }

    /// Whether `text` has white space anywhere; Character properties are looked up only for non-ASCII text.
    static func hasWhitespace(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) else { return false }
        return text.contains { $0.isWhitespace }
    }

    static let slugRule = "must be lower-case letters, digits and '-' (e.g. \"soest-events\")"

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && !text.hasPrefix("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
