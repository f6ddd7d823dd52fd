import FeedModel
import Foundation

/// A person named by a feed or entry (author, contributor).
public struct RawPerson: Sendable, Hashable {
    public var name: String?
    public var email: String?
    public var href: String?
    public init(name: String? = nil, email: String? = nil, href: String? = nil) {
        self.name = name
        self.email = email
        self.href = href
    }
}

/// A category or tag.
public struct RawCategory: Sendable, Hashable {
    public var term: String
    public var scheme: String?
    public var label: String?
    public init(term: String, scheme: String? = nil, label: String? = nil) {
        self.term = term
        self.scheme = scheme
        self.label = label
    }
}

/// A link element (`rel`, `type`, `href`, `title`).
public struct RawLink: Sendable, Hashable {
    public var rel: String
    public var type: String?
    public var href: String
    public var title: String?
    public init(rel: String, type: String? = nil, href: String, title: String? = nil) {
        self.rel = rel
        self.type = type
        self.href = href
        self.title = title
    }
}

/// One content body of an entry; `value` is sanitized HTML or plain text.
public struct RawContent: Sendable, Hashable {
    public var type: String?
    public var language: String?
    public var base: String?
    public var value: String
    public init(type: String? = nil, language: String? = nil, base: String? = nil, value: String) {
        self.type = type
        self.language = language
        self.base = base
        self.value = value
    }
}

/// A media enclosure; `length` stays a string as the feed wrote it.
public struct RawEnclosure: Sendable, Hashable {
    public var href: String
    public var type: String?
    public var length: String?
    public init(href: String, type: String? = nil, length: String? = nil) {
        self.href = href
        self.type = type
        self.length = length
    }
}

/// Event data carried by a feed entry (RSS event module `ev:*`, or a JSON Feed extension).
public struct RawEntryEvent: Sendable, Hashable {
    public var start: EventTime
    public var end: EventTime?
    public var location: String?
    /// `ev:organizer`: who runs the event, as written.
    public var organizer: String?
    /// `ev:type`: the kind of event (conference, workshop, …), as written.
    public var type: String?
    public init(
        start: EventTime, end: EventTime? = nil, location: String? = nil, organizer: String? = nil,
        type: String? = nil
    ) {
        self.start = start
        self.end = end
        self.location = location
        self.organizer = organizer
        self.type = type
    }
}

/// One entry of an RSS, Atom or JSON feed, in the shape of the inspect contract.
public struct RawEntry: Sendable, Hashable {
    public var id: String?
    public var title: String?
    public var link: String?
    public var published: Date?
    public var updated: Date?
    public var summary: String?
    public var content: [RawContent] = []
    public var authors: [RawPerson] = []
    public var categories: [RawCategory] = []
    public var enclosures: [RawEnclosure] = []
    public var links: [RawLink] = []
    /// `media:thumbnail` pictures (not enclosures: the entry does not carry them as media).
    public var thumbnails: [String] = []
    public var event: RawEntryEvent?
    /// 1-based line where the entry starts, for warnings.
    public var line: Int?
    public init() {}
}

/// An RSS, Atom or JSON feed as read, before normalization; what `inspect --json` prints.
public struct RawFeed: Sendable {
    /// `rss090`, `rss091u`, `rss092`, `rss10`, `rss20`, `atom03`, `atom10`, `json10`, `json11`, …
    public var format: String
    public var bozo = false
    public var encoding = "utf-8"
    public var title: String?
    public var subtitle: String?
    public var link: String?
    public var id: String?
    public var language: String?
    public var updated: Date?
    public var published: Date?
    public var authors: [RawPerson] = []
    public var categories: [RawCategory] = []
    public var links: [RawLink] = []
    public var entries: [RawEntry] = []
    public var warnings: [ParseWarning] = []
    public init(format: String) { self.format = format }
}
