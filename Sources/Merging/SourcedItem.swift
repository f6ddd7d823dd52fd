import FeedModel
import Foundation

/// Names one item of one source: what `_labnetz.sources` and `X-LABNETZ-SOURCE` list.
public struct SourceItemRef: Sendable, Hashable, Codable, Comparable {
    public var member: String
    public var source: String
    public var uid: String
    /// The item's own link at that source, kept as provenance.
    public var url: String?

    public init(member: String, source: String, uid: String, url: String? = nil) {
        self.member = member
        self.source = source
        self.uid = uid
        self.url = url
    }

    /// The key merged identities are stored under.
    public var key: String { "\(source)/\(uid)" }

    public static func < (a: SourceItemRef, b: SourceItemRef) -> Bool {
        (a.member, a.source, a.uid, a.url ?? "") < (b.member, b.source, b.uid, b.url ?? "")
    }
}

/// An item as the merger sees it: the payload plus where it came from and how trusted it is.
public struct SourcedItem<Payload: Sendable & Hashable>: Sendable {
    public var ref: SourceItemRef
    public var payload: Payload
    /// Lower wins when sources disagree (configuration order of the member).
    public var rank: Int
    /// The member's `priority`: higher leads when neither source hosts the event.
    public var priority: Int
    /// City of the member that publishes it, to recognise the organiser's own source.
    public var memberCity: String?
    public var firstSeen: Date
    public var lastChanged: Date

    public init(
        ref: SourceItemRef, payload: Payload, rank: Int, priority: Int = 0, memberCity: String?, firstSeen: Date,
        lastChanged: Date
    ) {
        self.ref = ref
        self.payload = payload
        self.rank = rank
        self.priority = priority
        self.memberCity = memberCity
        self.firstSeen = firstSeen
        self.lastChanged = lastChanged
    }
}
