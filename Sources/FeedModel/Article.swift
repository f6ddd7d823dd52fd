import Foundation

/// One news or knowledge item as one source publishes it, normalized from any format.
public struct Article: Sendable, Codable, Hashable {
    /// guid / id, else the link, else a hash of title, date and content.
    public var id: String
    public var title: String
    public var link: String?
    /// Sanitized HTML.
    public var summary: String?
    /// Sanitized HTML.
    public var content: String?
    public var published: Date?
    public var updated: Date?
    public var authors: [String]
    public var categories: [String]
    public var imageURL: String?

    public init(
        id: String, title: String, link: String? = nil, summary: String? = nil, content: String? = nil,
        published: Date? = nil, updated: Date? = nil, authors: [String] = [], categories: [String] = [],
        imageURL: String? = nil
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.summary = summary
        self.content = content
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.imageURL = imageURL
    }
}
