import Testing

@testable import Parsing

/// The byte-level fast path must give exactly what libxml2's HTML parser plus the tree walk give,
/// for every fragment it accepts, and must accept the everyday feed HTML.
@Suite struct SimpleHTMLSanitizerTests {
    static let base = "https://lab.example.org/news/feed.xml"

    static func agrees(_ html: String) -> Bool? {
        guard let simple = SimpleHTMLSanitizer.sanitize(html, baseURL: base) else { return nil }
        let parsed = HTMLSanitizer.sanitizeParsed(html, baseURL: base)
        #expect(simple == parsed, "\(html)")
        return simple == parsed
    }

    @Test func everydayFeedHTMLIsTakenAndAgrees() {
        let samples = [
            "<p>Das Stadtlabor lädt ein: <strong>Reparieren</strong>, Löten &amp; Programmieren. "
                + "Mit <a href=\"/anmeldung\">Anmeldung</a> und Kaffee.</p>",
            "<p>Eins</p>\n<p>Zwei<br>drei<br/>vier</p>",
            "<ul>\n  <li>a</li>\n  <li><em>b</em></li>\n</ul>",
            "<h2>Titel</h2><p><img src=\"bild.jpg\" alt=\"Ein &quot;Bild&quot;\" width=\"300\"></p>",
            "<div class=\"entry\"><p>Text&nbsp;mit&#160;Leerzeichen &#8211; und &#x201C;Zitat&#x201D;</p></div>",
            "<blockquote><p>Zitat</p></blockquote><p><a href='https://x.example/?a=1&amp;b=2' title=\"t\">x</a></p>",
            "<p>offen", "Text <b>fett <i>kursiv</i></b> &gt; Rest", "Werkstatt & Treffen", "a &", "<b>a & b</b>",
            "<dl><dt>Wann</dt><dd>Montag</dd></dl><figure><img src=\"a.png\"><figcaption>Bild</figcaption></figure>",
            "<p><a href=\"javascript:alert(1)\" onclick=\"x()\">böse</a> <img src=\"data:image/png;base64,AA\"></p>",
            "<ol start=\"3\"><li>drei<ul><li>innen</li></ul></li></ol>", "<pre>\n  code &lt;x&gt;\n</pre>",
        ]
        for html in samples {
            #expect(Self.agrees(html) == true, "not taken: \(html)")
        }
    }

    @Test func unusualFragmentsAreLeftToTheParser() {
        for html in [
            "<p>a<p>b", "<script>x</script>", "<!-- c -->", "<b>x</i>", "a\rb<b>", "<p><div>x</div></p>",
            "<a><a>x</a></a>",
            "<li>x</li>", "<img src=x>", "<b a=\"1\" a=\"2\">", "&unknown;<b>", "<font>x</font>", "<br></br>",
            "<table><tr><td>x</td></tr></table>", "a < b <b>", "<b title=\"a<b\">x</b>",
        ] {
            #expect(SimpleHTMLSanitizer.sanitize(html, baseURL: Self.base) == nil, "\(html)")
        }
    }

    /// Every parent/child pair the fast path nests directly is nested the same way by libxml2.
    @Test func everyAcceptedNestingIsTheParsersToo() {
        let wrappers: [String: [String]] = ["li": ["ul"], "dt": ["dl"], "dd": ["dl"], "figcaption": ["figure"]]
        var pairs = 0
        for parent in SanitizingWriter.allowed.keys.sorted() where !SanitizingWriter.void.contains(parent) {
            let outer = wrappers[parent] ?? []
            guard SimpleHTMLSanitizer.fits(parent, in: ["body"] + outer) else { continue }
            for child in SanitizingWriter.allowed.keys.sorted()
            where SimpleHTMLSanitizer.fits(child, in: ["body"] + outer + [parent]) {
                let inner =
                    SanitizingWriter.void.contains(child) ? "<\(child)>" : "<\(child)> x </\(child)>"
                let html =
                    outer.map { "<\($0)>" }.joined() + "<\(parent)>a \(inner) b</\(parent)> c"
                    + outer.reversed().map { "</\($0)>" }.joined()
                #expect(Self.agrees(html) == true, "not taken: \(html)")
                pairs += 1
            }
        }
        #expect(pairs > 500)
    }

    static let pieces = [
        "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a href=\"/x?a=1&amp;b=2\">", "<a href='mailto:x@y.org'>", "</a>",
        "<a href=\"javascript:x()\">", "<a href=\" https://e.org/ \" title=\"&quot;T&quot;\">",
        "<img src=\"i.png\" alt=\"\">",
        "<img src=\"//cdn.example/i.png\" width=\"12\" height=\"x\"/>", "<br>", "<br/>", "<br />", "<hr>", "<ul>",
        "</ul>",
        "<li>", "</li>", "<ol start=\"2\">", "</ol>", "<div id=\"d\" onclick=\"e()\">", "</div>", "<span>", "</span>",
        "<h3>", "</h3>", "<blockquote>", "</blockquote>", "<pre>", "</pre>", "<em>", "</em>", "<code>", "</code>",
        "<dl>", "</dl>", "<dt>", "</dt>", "<dd>", "</dd>", "<figure>", "</figure>", "<figcaption>", "</figcaption>",
        "<P>", "</P>", "<A HREF=\"../up\">", "<Img Src=\"x.gif\">", "<b\n>", "<a  href=\"a b\" >", "<q cite=\"x\">",
        "</q>",
        "Text", " ", "\n", "\t", "  Wörter  ", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#39;", "&#x27;", "&#233;",
        "&#150;", "&#0;", "&apos;", "&copy;", "&", "& ", " & ", "&\n", "<", ">", "\"", "'", "ä€😀", "\u{FFFE}", "\r",
        "<!--c-->",
        "<script>x()</script>", "<font>", "</font>", "<table>", "<td>", "<p/>", "</br>", "<x-y>", "<b a=1>",
    ]

    @Test func randomFragmentsAgreeWhenTaken() {
        var rng = SplitMix64(seed: 0x5EED_F00D)
        var taken = 0
        for _ in 0..<8000 {
            let count = Int.random(in: 1...10, using: &rng)
            let html = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            if Self.agrees(html) != nil { taken += 1 }
        }
        #expect(taken > 600)
    }
}
