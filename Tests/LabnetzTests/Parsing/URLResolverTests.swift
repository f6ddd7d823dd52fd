import Testing

@testable import Parsing

@Suite struct URLResolverTests {
    static let bases = [
        "https://lab.example.org/", "https://lab.example.org", "http://lab.example.org/news/feed.xml",
        "https://lab.example.org:8443/a/b/", "https://lab.example.org/a/b?x=1#f", "https://lab.example.org/a/./b/",
        "https://lab.example.org/a/../b/c", "https://user@lab.example.org/a/", "https://LAB.example.org/A/",
        "ftp://lab.example.org/a/", "https://lab.example.org/%7Ea/b", "https://lab.example.org/ä/",
    ]
    static let references = [
        "p/0", "/anmeldung", "a/b/c.html", "x?y=1&z=2", "/x/y?q=1", "../up", "./here", ".hidden", "a/./b", "a/../b",
        "//other.example.org/x", "?only=query", "#frag", "a b", "ä", "a%20b", "a#f", "~user/x", "A-Z_09.~",
    ]

    @Test func simpleResolutionAgreesWithFoundation() {
        var fastPathUsed = 0
        for base in Self.bases {
            for ref in Self.references {
                guard let simple = URLResolver.simpleResolve(ref, against: base) else { continue }
                fastPathUsed += 1
                #expect(simple == URLResolver.foundationResolve(ref, against: base), "\(ref) against \(base)")
            }
        }
        #expect(fastPathUsed >= 20)
    }

    @Test func declinesWhatNeedsTheFullResolver() {
        #expect(URLResolver.simpleResolve("../up", against: "https://lab.example.org/a/") == nil)
        #expect(URLResolver.simpleResolve("p", against: "https://lab.example.org/a/../b") == nil)
        #expect(URLResolver.simpleResolve("//h/x", against: "https://lab.example.org/") == nil)
        #expect(URLResolver.simpleResolve("a b", against: "https://lab.example.org/") == nil)
        let resolved = URLResolver.resolve("p/0", against: "https://lab.example.org/news/feed.xml")
        #expect(resolved == "https://lab.example.org/news/p/0")
    }
}
