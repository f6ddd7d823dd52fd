import Testing

@testable import Parsing

@Suite struct HTMLTextReferencesTests {
    static let samples = [
        "Werkstatt &amp; Treffen", "  a &amp; b  ", "&lt;script&gt;alert(1)&lt;/script&gt;", "Zitat: &quot;Hallo&quot;",
        "It&#39;s &#x27;fine&#X27;", "Caf&#233; &#xE9;t&#xe9;", "&#8220;Gänsefüßchen&#8221; &#8211; ja", "a&amp;amp;b",
        "tab\there &amp; newline\nthere", "&#x1F600; smile", "&#12;", "&#150; dash", "&nbsp;x", "&ampx", "a & b;",
        "Tom &amp Jerry", "&#;", "&#x;", "&unknown;", "line\r\nbreak &amp;", "&#9999999;", "\u{00A0}x &amp; y\u{00A0}",
        "&amp;#39;", "ÄÖÜ &gt; äöü",
    ]

    @Test func decodingAgreesWithTheHTMLParser() {
        var decodedCount = 0
        for s in Self.samples {
            guard HTMLTextReferences.decoded(s) != nil else { continue }
            decodedCount += 1
            #expect(HTMLSanitizer.sanitize(s, baseURL: nil) == HTMLSanitizer.sanitizeParsed(s, baseURL: nil), "\(s)")
            #expect(HTMLSanitizer.plainText(s) == HTMLSanitizer.plainTextParsed(s), "\(s)")
        }
        #expect(decodedCount >= 12)
    }

    @Test func leavesAnythingUnusualToTheParser() {
        for s in ["&nbsp;x", "&ampx", "a & b;", "&#12;", "&#150;", "<b>x</b> &amp;", "&unknown;", "a\rb &amp;"] {
            #expect(HTMLTextReferences.decoded(s) == nil, "\(s)")
        }
        #expect(HTMLTextReferences.decoded("a &amp; &lt;b&gt; &#233;") == "a & <b> é")
    }
}
