import Testing

@testable import Parsing

struct HTMLSanitizerTests {
    @Test func removesScriptsAndKeepsText() {
        let out = HTMLSanitizer.sanitize("<p>Hallo <script>alert(1)</script>Welt</p>", baseURL: nil)
        #expect(out == "<p>Hallo Welt</p>")
    }

    @Test func dropsCodeAndEmbeddingTagsButKeepsFallbackText() {
        let html =
            "a<iframe src='https://evil.example'>frame</iframe><style>p{}</style><object>o</object>"
            + "<embed src=x><svg><text>s</text><script>x()</script></svg><math>m</math><script>y()</script>b"
        #expect(HTMLSanitizer.sanitize(html, baseURL: nil) == "aframeosmb")
        // An unclosed <object> must not swallow the text after it.
        #expect(
            HTMLSanitizer.sanitize("safe<object classid=x> <b>description</b>", baseURL: nil)
                == "safe <b>description</b>")
    }

    @Test func dropsEventHandlersAndStyles() {
        let out = HTMLSanitizer.sanitize(
            #"<p onclick="evil()" style="color:red" class="x">Klick <b onmouseover=x>fett</b></p>"#, baseURL: nil)
        #expect(out == "<p>Klick <b>fett</b></p>")
    }

    @Test(arguments: [
        "javascript:alert(1)", " JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "vbscript:msgbox", "data:text/html,x",
    ])
    func dropsScriptURLs(_ href: String) {
        let out = HTMLSanitizer.sanitize("<a href=\"\(href)\">link</a><img src=\"\(href)\">", baseURL: nil)
        #expect(!out.lowercased().contains("script:"))
        #expect(!out.contains("data:"))
        #expect(out == #"<a rel="noopener noreferrer">link</a><img>"#)
    }

    @Test func resolvesRelativeLinksAndAddsRel() {
        let out = HTMLSanitizer.sanitize(
            #"<a href="/termine?a=1&amp;b=2">Termine</a> <img src="bild.png" alt="Ein &quot;Bild&quot;" width="10">"#,
            baseURL: "https://lab.example.org/blog/")
        #expect(
            out
                == #"<a href="https://lab.example.org/termine?a=1&amp;b=2" rel="noopener noreferrer">Termine</a> <img src="https://lab.example.org/blog/bild.png" alt="Ein &quot;Bild&quot;" width="10">"#
        )
    }

    @Test func keepsMailtoLinksButNotMailtoImages() {
        #expect(
            HTMLSanitizer.sanitize(#"<a href="mailto:team@lab.example.org">Mail</a>"#, baseURL: nil)
                == #"<a href="mailto:team@lab.example.org" rel="noopener noreferrer">Mail</a>"#)
        #expect(HTMLSanitizer.sanitize(#"<img src="ftp://x/y.png">"#, baseURL: nil) == "<img>")
    }

    @Test func escapesTextAndKeepsStructure() {
        #expect(HTMLSanitizer.sanitize("AT&T < 3", baseURL: nil) == "AT&amp;T &lt; 3")
        #expect(HTMLSanitizer.sanitize("1 < 2 > 0", baseURL: nil) == "1 &lt; 2 &gt; 0")
        let table = "<table><tr><td colspan=2 onclick=x>Zelle</td></tr></table><ul><li>eins<li>zwei</ul>"
        #expect(
            HTMLSanitizer.sanitize(table, baseURL: nil)
                == #"<table><tbody><tr><td colspan="2">Zelle</td></tr></tbody></table><ul><li>eins</li><li>zwei</li></ul>"#
                || HTMLSanitizer.sanitize(table, baseURL: nil)
                    == #"<table><tr><td colspan="2">Zelle</td></tr></table><ul><li>eins</li><li>zwei</li></ul>"#
        )
    }

    @Test func unwrapsUnknownTagsButKeepsTheirText() {
        #expect(
            HTMLSanitizer.sanitize(
                "<font color=red>rot</font> <form action=x>Formular<input name=q></form>", baseURL: nil)
                == "rot Formular")
    }

    @Test func plainTextCollapsesWhitespaceAndDecodesEntities() {
        #expect(
            HTMLSanitizer.plainText("<p>Caf&eacute;</p>\n\n<p>  Bar &amp;   more</p><script>x()</script>")
                == "Café Bar & more")
        #expect(HTMLSanitizer.plainText("eins<br>zwei") == "eins zwei")
        #expect(HTMLSanitizer.plainText("  nur   Text ") == "nur Text")
        #expect(HTMLSanitizer.plainText("") == "")
    }
}
