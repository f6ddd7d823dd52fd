import FeedModel
import Foundation

/// Names one item of one source: what `_labnetz.sources` and `X-LABNETZ-SOURCE` list.
public struct SourceItemRef: Sendable, Hashable, Codable, Comparable {
    public var member: String
    public var source: String
    public var uid: String

    public init(member: String, source: String, uid: String) {
        self.member = member
        self.source = source
        self.uid = uid
    }

    /// The key merged identities are stored under.
    public var key: String { "\(source)/\(uid)" }

    public static func < (a: SourceItemRef, b: SourceItemRef) -> Bool {
        (a.member, a.source, a.uid) < (b.member, b.source, b.uid)
    }
}

/// An item as the merger sees it: the payload plus where it came from and how trusted it is.
public struct SourcedItem<Payload: Sendable & Hashable>: Sendable {
    public var ref: SourceItemRef
    public var payload: Payload
    /// Lower wins when sources disagree (configuration order of the member).
    public var rank: Int
    /// City of the member that publishes it, to recognise the organiser's own source.
    public var memberCity: String?
    public var firstSeen: Date
    public var lastChanged: Date

    public init(
        ref: SourceItemRef, payload: Payload, rank: Int, memberCity: String?, firstSeen: Date, lastChanged: Date
    ) {
        self.ref = ref
        self.payload = payload
        self.rank = rank
        self.memberCity = memberCity
        self.firstSeen = firstSeen
        self.lastChanged = lastChanged
    }
}
