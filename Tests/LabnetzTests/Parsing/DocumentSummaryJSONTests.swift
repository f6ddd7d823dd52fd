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
}
