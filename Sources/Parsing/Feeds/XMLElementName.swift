/// An element name as a document spells it, with what the feed builder makes of it: resolved
/// once per distinct name and meaning (`FeedXMLBuilder.familyStamp`) rather than once per element,
/// since a feed repeats a few dozen names on every item; kept with the parser context
/// (`XMLNameTable`), so the next document of the same family finds it resolved.
final class XMLElementName {
    let local: String
    let namespace: String?
    /// `XMLNames.prefix(for: namespace)`.
    let prefix: String
    /// The builder's key (`prefix:local`, see `FeedXMLBuilder.start`) and the element it means.
    var key = ""
    var element: FeedElement?
    /// The builder's `familyStamp` the key was resolved for; -1 before the first resolution.
    var resolvedFor = -1

    init(local: String, namespace: String?) {
        self.local = local
        self.namespace = namespace
        self.prefix = XMLNames.prefix(for: namespace)
    }
}
