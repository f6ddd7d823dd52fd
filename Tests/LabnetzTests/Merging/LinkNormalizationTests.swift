import Testing

@testable import Merging

/// What the link tier compares: two spellings of one page give the same key, other pages do not.
@Suite("link normalization")
struct LinkNormalizationTests {
    @Test(arguments: [
        (
            "HTTPS://WWW.Lab.Example/Events/Repair-Cafe/?utm_source=x&b=2&a=1#top",
            "lab.example/Events/Repair-Cafe?a=1&b=2"
        ),
        ("http://user@www.lab.example/", "lab.example"),
        ("  https://lab.example\n", "lab.example"),
        ("HtTpS://LAB.example/e/1?fbclid=abc&GCLID=1", "lab.example/e/1"),
        ("https://www.lab.example//", "lab.example"),
        ("https://WWW.Müller-Lab.example/Ä/", "müller-lab.example/Ä"),
        ("https://ÄRGER@Straße.example/x", "straße.example/x"),
        ("https://wwwlab.example/x", "wwwlab.example/x"),
    ])
    func spellingsOfOnePageMeet(link: String, key: String) {
        #expect(TextNormalizer.link(link) == key)
    }

    @Test(arguments: [
        "ftp://lab.example/x", "https://", "https://la b.example/", "https:/lab.example", "hxxps://a.example",
        "mailto:lab@lab.example", "https://user@/x", "https://www./x", "httpß://a.example",
    ])
    func whatNamesNoPageGivesNoKey(link: String) {
        #expect(TextNormalizer.link(link) == nil)
    }

    @Test func reusedBuffersGiveWhatFreshOnesGive() {
        // Long and short, with and without a key, one after the other: nothing of one link may
        // stay behind in the buffers for the next.
        let links = [
            "HTTPS://WWW.Lab.Example/Events/Repair-Cafe/?utm_source=x&b=2&a=1#top", "https://a.example",
            "ftp://lab.example/x", "https://WWW.Müller-Lab.example/Ä/", "https://la b.example/",
            "https://lab.example/e/1?z=1", "http://user@www.lab.example/",
        ]
        var buffers = TextNormalizer.LinkBuffers()
        for link in links + links.reversed() {
            #expect(TextNormalizer.link(link, buffers: &buffers) == TextNormalizer.link(link), "\(link)")
        }
    }
}
