/// Namespace URIs feeds use, mapped to the short prefixes the feed builder matches on, so an
/// element is recognised by its namespace whatever prefix the document chose.
enum XMLNames {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let xmlns = "http://www.w3.org/2000/xmlns/"

    private static let prefixes: [String: String] = [
        atom10: "atom", atom03: "atom",
        rss10: "", rss090: "", "http://backend.userland.com/rss2": "", "http://blogs.law.harvard.edu/tech/rss": "",
        "http://backend.userland.com/rss": "", "http://purl.org/net/rss1.1#": "",
        "http://purl.org/dc/elements/1.1/": "dc", "http://purl.org/dc/elements/1.0/": "dc",
        "http://purl.org/dc/terms/": "dcterms",
        "http://purl.org/rss/1.0/modules/content/": "content",
        "http://search.yahoo.com/mrss/": "media", "http://search.yahoo.com/mrss": "media",
        "http://purl.org/rss/1.0/modules/event/": "ev",
        rdf: "rdf",
        "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes", "http://www.itunes.com/DTDs/Podcast-1.0.dtd": "itunes",
        "http://www.itunes.com/DTDs/PodCast-1.0.dtd": "itunes",
        "http://www.w3.org/1999/xhtml": "xhtml",
    ]

    /// The builder's prefix for `uri`: `""` for RSS core (and no namespace), `?` for unknown ones.
    static func prefix(for uri: String?) -> String {
        guard let uri, !uri.isEmpty else { return "" }
        return prefixes[uri] ?? "?"
    }
}
