import FeedModel
import Foundation

/// One event of the regional calendar, made from one or more source items.
public struct MergedEvent: Sendable, Hashable, Codable {
    /// The hub's UID for it; stays the same on every later sync.
    public var uid: String
    /// The master (or only) event, with fields filled in from the other sources; its `sequence`
    /// is the hub's SEQUENCE, raised once per change of the published content.
    public var event: Event
    /// RECURRENCE-ID overrides from the leading source, already carrying `uid`.
    public var overrides: [Event]
    /// Every source item merged into it, sorted, each with its own link.
    public var sources: [SourceItemRef]
    /// When the hub first published it (CREATED).
    public var firstSeen: Date
    /// When its published content last changed (LAST-MODIFIED, DTSTAMP).
    public var lastChanged: Date

    public init(
        uid: String, event: Event, overrides: [Event], sources: [SourceItemRef], firstSeen: Date, lastChanged: Date
    ) {
        self.uid = uid
        self.event = event
        self.overrides = overrides
        self.sources = sources
        self.firstSeen = firstSeen
        self.lastChanged = lastChanged
    }
}

/// One news item of the hub, made from one or more source items.
public struct MergedArticle: Sendable, Hashable {
    public var article: Article
    public var sources: [SourceItemRef]
    public var firstSeen: Date
}
