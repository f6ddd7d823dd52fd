import FeedModel
import Foundation

/// One file of publishDir as the server hands it out: bytes, type and validators.
struct PublishedFile: Sendable {
    var body: Data
    var contentType: String
    /// Strong validator from the content, so it is the same on every server and after a restart.
    var etag: String
    var lastModified: Date

    /// Reads `name` from `folder`; nil for names that are not a plain published file.
    static func load(_ name: String, from folder: String) -> PublishedFile? {
        guard isSafeName(name) else { return nil }
        let path = (folder as NSString).appendingPathComponent(name)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        let modified = (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        return PublishedFile(
            body: data, contentType: contentType(for: name), etag: "\"\(SHA256.hex(data).prefix(32))\"",
            lastModified: Date(timeIntervalSince1970: modified.timeIntervalSince1970.rounded(.down)))
    }

    /// Only flat names: no folders, no hidden or temporary files, nothing a traversal could use.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 128 && !name.hasPrefix(".") && !name.contains(".tmp-")
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "._-".unicodeScalars.contains($0)
            }
    }

    static func contentType(for name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "ics": return "text/calendar; charset=utf-8"
        case "atom": return "application/atom+xml; charset=utf-8"
        case "rss": return "application/rss+xml; charset=utf-8"
        case "opml": return "text/x-opml; charset=utf-8"
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "json": return name == "status.json" ? "application/json" : "application/feed+json"
        default: return "application/octet-stream"
        }
    }

    /// True when the client's validators show it already holds this version.
    func isNotModified(ifNoneMatch: [String], ifModifiedSince: String?) -> Bool {
        if !ifNoneMatch.isEmpty {
            let tags = ifNoneMatch.flatMap { $0.split(separator: ",") }.map {
                $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
            }
            return tags.contains(etag) || tags.contains("*")
        }
        guard let ifModifiedSince, let since = HTTPDate.parse(ifModifiedSince) else { return false }
        return lastModified <= since
    }
}
