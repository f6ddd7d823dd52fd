import Foundation
import Testing

@testable import Parsing

/// libxml2 parser contexts are reused from one document to the next: nothing a document leaves
/// behind (open namespace bindings, encoding options) may change how the next one reads.
/// The pool hands back the context returned last, so each follow-up parse gets the used one.
struct XMLPushContextTests {
    /// Uses the `dc:` prefix without binding it: libxml2 reports the prefix and the creator is no
    /// Dublin Core author.
    static let unbound = Data(
        """
        <?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
        <item><title>One</title><dc:creator>Anna</dc:creator><link>https://a.example/1</link></item>
        </channel></rss>
        """.utf8)
    /// Binds `dc:` and breaks off inside the element that bound it.
    static let brokenOff = Data(
        #"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><title>x"#.utf8)
    /// Binds `dc:` on a root that is no feed: the parser is stopped right there.
    static let stopped = Data(#"<html xmlns:dc="http://purl.org/dc/elements/1.1/"><body><p>x</p></body></html>"#.utf8)
    /// ISO-8859-2 by its declaration: byte B1 is `ą`.
    static let latin2 = Data(
        #"<?xml version="1.0" encoding="iso-8859-2"?><rss version="2.0"><channel><title>"#.utf8 + [0xB1]
            + "</title></channel></rss>".utf8)

    func render(_ data: Data, contentType: String? = nil) throws -> String {
        FeedInspectJSON.render(try XMLFeedParser.parse(data, baseURL: nil, contentType: contentType).get())
    }

    /// libxml2 2.9.14 leaves the bindings of a document that broke off or was stopped on its
    /// namespace stack after a reset and clears them only when the next document starts.
    @Test func namespaceBindingsOfAnEarlierDocumentDoNotLeak() throws {
        let alone = try render(Self.unbound)
        #expect(alone.contains("Namespace prefix dc"))
        for earlier in [Self.brokenOff, Self.stopped] {
            _ = try? render(earlier)
            #expect(try render(Self.unbound) == alone)
        }
    }

    @Test func anEncodingOverrideDoesNotStick() throws {
        let alone = try render(Self.latin2)
        #expect(alone.contains("ą"))
        // An HTTP charset makes libxml2 ignore the next declaration it reads (IGNORE_ENC).
        let hinted = Data(#"<rss version="2.0"><channel><title>u</title></channel></rss>"#.utf8)
        _ = try render(hinted, contentType: "text/xml; charset=utf-8")
        #expect(try render(Self.latin2) == alone)
    }

    /// Element names resolved for one document are kept with the context for the next: a name
    /// must be read as the next document's family says (`<link>` is Atom's href in an Atom feed
    /// without a namespace, RSS's text in RSS).
    @Test func elementNamesAreReadAsEachDocumentsFamilySays() throws {
        let atom = Data(#"<feed><title>A</title><link href="https://a.example/"/></feed>"#.utf8)
        let rss = Data(
            #"<rss version="2.0"><channel><title>R</title><link>https://r.example/</link></channel></rss>"#.utf8)
        let atomAlone = try render(atom)
        let rssAlone = try render(rss)
        #expect(atomAlone.contains("https://a.example/"))
        #expect(rssAlone.contains("https://r.example/"))
        for _ in 0..<3 {
            #expect(try render(atom) == atomAlone)
            #expect(try render(rss) == rssAlone)
        }
    }

    /// A document with more distinct names than the context keeps fills its name table, which then
    /// starts afresh: every name still reads as itself, in that document and the ones after it.
    @Test func aDocumentWithHundredsOfNamesLeavesTheNextReadable() throws {
        let fields = (1...400).map { "<x:f\($0)>\($0)</x:f\($0)>" }.joined()
        let crowded = Data(
            (#"<rss version="2.0" xmlns:x="urn:x"><channel><title>C</title><item><title>first</title>"#
                + fields + "<link>https://c.example/1</link></item></channel></rss>").utf8)
        let alone = try render(Self.unbound)
        let first = try render(crowded)
        #expect(first.contains("https://c.example/1"))
        #expect(try render(crowded) == first)
        #expect(try render(Self.unbound) == alone)
    }

    /// The sanitizer's buffers are kept with the context: a link read against one document's base
    /// URL is resolved again against the next one's, nothing of the first carried over.
    @Test func sanitizedLinksFollowEachDocumentsBaseURL() throws {
        let data = Data(
            """
            <rss version="2.0"><channel><title>T</title><item><title>I</title>
            <description>&lt;p&gt;&lt;a href="/anmeldung"&gt;Anmeldung&lt;/a&gt;&lt;/p&gt;</description></item>
            </channel></rss>
            """.utf8)
        func render(base: String) throws -> String {
            FeedInspectJSON.render(try XMLFeedParser.parse(data, baseURL: base, contentType: nil).get())
        }
        for _ in 0..<2 {
            #expect(try render(base: "https://a.example/").contains("https://a.example/anmeldung"))
            let b = try render(base: "https://b.example/")
            #expect(b.contains("https://b.example/anmeldung") && !b.contains("a.example"))
        }
    }
}
