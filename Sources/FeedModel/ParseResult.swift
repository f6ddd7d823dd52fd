import Foundation

/// A problem found in a source document; the parse goes on and keeps everything that was intact.
public struct ParseWarning: Sendable, Codable, Hashable, CustomStringConvertible {
    /// 1-based line in the document, when known.
    public var line: Int?
    public var message: String

    public init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }
}

/// The document formats labnetz reads, told apart by content.
public enum FeedFormat: String, Sendable, Codable, Hashable {
    case rss, atom, jsonFeed = "json", iCalendar = "icalendar"
}

/// What one source document yielded: its items in normalized form, plus warnings.
public struct ParseResult: Sendable {
    public var format: FeedFormat
    /// Format and version as the inspect contract names it, e.g. `rss20`, `atom10`, `json11`.
    public var version: String
    public var title: String?
    public var link: String?
    public var events: [Event]
    public var articles: [Article]
    public var warnings: [ParseWarning]
    /// Set when the document was not well-formed or its encoding was wrong, but was read anyway.
    public var bozo: Bool

    public init(
        format: FeedFormat, version: String, title: String? = nil, link: String? = nil,
        events: [Event] = [], articles: [Article] = [], warnings: [ParseWarning] = [], bozo: Bool = false
    ) {
        self.format = format
        self.version = version
        self.title = title
        self.link = link
        self.events = events
        self.articles = articles
        self.warnings = warnings
        self.bozo = bozo
    }
}
