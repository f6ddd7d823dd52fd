/// One redirect hop curl followed: the 3xx status and the absolute URL it pointed to.
public struct HTTPRedirect: Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    /// `Location` resolved against the URL that answered with the redirect.
    public var location: String

    public init(status: Int, location: String) {
        self.status = status
        self.location = location
    }

    /// 301 and 308 tell subscribers to update the stored URL; 302/303/307 do not.
    public var isPermanent: Bool { status == 301 || status == 308 }

    public var description: String { "\(status) → \(location)" }
}
