import FeedModel
import Foundation

/// What a document holds in numbers, read without keeping its items: the answer of
/// `inspect --summary`, which benchmarks and quick checks of very large feeds use.
public struct DocumentSummary: Sendable {
    public var format: String
    public var items: Int
    public var bozo: Bool
    public var warnings: [ParseWarning]
    public var bytes: Int

    /// Reads the file at `path`. RSS and Atom are streamed from disk entry by entry, so memory
    /// stays at one entry's size whatever the file's, and no size cap applies: the caller chose
    /// this local file. Other formats are read whole.
    public static func read(path: String, contentType: String? = nil) -> Result<DocumentSummary, ParseFailure> {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(ParseFailure("cannot read \(path)"))
        }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        let size = (try? handle.seekToEnd()).map(Int.init) ?? head.count
        try? handle.close()
        switch DocumentParser.sniff(head, contentType: contentType) {
        case .rss, .atom:
            var count = 0
            return XMLFeedParser.stream(.file(path), baseURL: nil, contentType: contentType, maxBytes: .max) { _ in
                count += 1
            }
            .map { feed in
                DocumentSummary(
                    format: feed.format, items: count, bozo: feed.bozo, warnings: feed.warnings, bytes: size)
            }
        default:
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(ParseFailure("cannot read \(path)"))
            }
            return DocumentParser.parse(data, baseURL: nil, contentType: contentType, hubZone: .gmt).map { result in
                DocumentSummary(
                    format: result.version, items: result.events.count + result.articles.count, bozo: result.bozo,
                    warnings: result.warnings, bytes: data.count)
            }
        }
    }

    /// One JSON object on one line.
    public var json: String {
        let object: [String: Any] = [
            "format": format, "items": items, "bozo": bozo, "warnings": warnings.count, "bytes": bytes,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
