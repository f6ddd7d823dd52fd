import FeedModel
import Foundation
import Testing

@testable import Parsing

@Suite struct DocumentSummaryJSONTests {
    @Test func matchesJSONSerializationWithSortedKeys() throws {
        for format in ["rss20", "atom10", "", "a\"b\\c/d", "tab\tline\nret\r\u{1}", "ümlaut ✓"] {
            let summary = DocumentSummary(format: format, items: 42, bozo: format.isEmpty, warnings: [], bytes: 1234)
            let object: [String: Any] = [
                "format": format, "items": 42, "bozo": format.isEmpty, "warnings": 0, "bytes": 1234,
            ]
            let expected = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            #expect(summary.json == String(decoding: expected, as: UTF8.self), "\(format)")
            let error = try JSONSerialization.data(withJSONObject: ["error": "/x/\(format): not a feed"])
            #expect(DocumentSummary.errorJSON("/x/\(format): not a feed") == String(decoding: error, as: UTF8.self))
        }
    }

    /// Counts of every width, written digit by digit after whatever the line holds already.
    @Test func countsOfEveryWidthAfterEarlierBytes() throws {
        for n in [0, 7, 10, 99, 1_000, 123_456_789] {
            let warnings = Array(repeating: ParseWarning("w"), count: n % 11)
            let summary = DocumentSummary(format: "rss20", items: n, bozo: false, warnings: warnings, bytes: n * 3)
            let object: [String: Any] = [
                "format": "rss20", "items": n, "bozo": false, "warnings": n % 11, "bytes": n * 3,
            ]
            let expected = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            var line = Array("earlier ".utf8)
            summary.appendJSON(to: &line)
            #expect(line == Array("earlier ".utf8) + Array(expected), "\(n)")
        }
    }

    /// A file read whole (one buffer for sniffing, charset and parsing) and the same file streamed
    /// from disk give the same summary, for every format and for a file that is no feed.
    @Test func wholeFileAndStreamedReadAgree() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = [
            "rss.xml": "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>caf\u{E9}</title></item><item><title>b &amp; c</title></item></channel></rss>",
            "atom.xml": "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><id>1</id></entry></feed>",
            "broken.xml": "<rss version=\"2.0\"><channel><item><title>cut",
            "page.html": "<html><body>not a feed</body></html>",
            "feed.json": #"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1"}]}"#,
        ]
        var formats: Set<String> = []
        for (name, text) in documents {
            let path = folder.appendingPathComponent(name).path
            // Latin-1 bytes for the ISO-8859-1 document, UTF-8 for the rest.
            let bytes = name == "rss.xml" ? Data(text.unicodeScalars.map { UInt8($0.value) }) : Data(text.utf8)
            try bytes.write(to: URL(fileURLWithPath: path))
            let whole = DocumentSummary.read(path: path, contentType: nil, wholeFileLimit: 1 << 20)
            let streamed = DocumentSummary.read(path: path, contentType: nil, wholeFileLimit: 0)
            switch (whole, streamed) {
            case (.success(let a), .success(let b)):
                #expect(a.json == b.json, "\(name)")
                #expect(a.bytes == bytes.count)
                formats.insert(a.format)
            case (.failure(let a), .failure(let b)): #expect(a.message == b.message, "\(name)")
            default: Issue.record("\(name): \(whole) vs \(streamed)")
            }
        }
        #expect(formats.isSuperset(of: ["rss20", "atom10"]))
        let missing = DocumentSummary.read(path: folder.appendingPathComponent("none.xml").path)
        #expect((try? missing.get()) == nil)
    }
}
