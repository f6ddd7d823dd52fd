import Foundation
import Parsing
import Storage

/// Renders `status.json`: per source, whether the last sync worked and why not.
public enum StatusPublisher {
    struct Status: Encodable {
        var hub: String
        var lastSync: String?
        var sources: [Entry]
    }

    struct Entry: Encodable {
        var member: String
        var source: String
        var url: String
        var role: String
        var state: String
        var format: String?
        var lastAttempt: String?
        var lastSuccess: String?
        var lastError: String?
        var httpStatus: Int?
        var itemCount: Int
        var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case member, source, url, role, state, format, lastAttempt, lastSuccess, lastError, httpStatus, itemCount,
                warnings
        }

        /// Keys are always present, null when unknown, so a dashboard needs no key checks.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(member, forKey: .member)
            try c.encode(source, forKey: .source)
            try c.encode(url, forKey: .url)
            try c.encode(role, forKey: .role)
            try c.encode(state, forKey: .state)
            try c.encode(format, forKey: .format)
            try c.encode(lastAttempt, forKey: .lastAttempt)
            try c.encode(lastSuccess, forKey: .lastSuccess)
            try c.encode(lastError, forKey: .lastError)
            try c.encode(httpStatus, forKey: .httpStatus)
            try c.encode(itemCount, forKey: .itemCount)
            try c.encode(warnings, forKey: .warnings)
        }
    }

    public static func render(_ input: PublishInput) -> String {
        let entries = input.sources.map { s in
            Entry(
                member: s.member, source: s.id, url: s.url, role: s.role, state: s.state.rawValue, format: s.format,
                lastAttempt: s.lastAttempt.map(FeedDate.rfc3339), lastSuccess: s.lastSuccess.map(FeedDate.rfc3339),
                lastError: s.lastError, httpStatus: s.httpStatus, itemCount: s.itemCount, warnings: s.warnings)
        }
        let lastSync = input.sources.compactMap(\.lastAttempt).max().map(FeedDate.rfc3339)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Status(hub: input.hub.id, lastSync: lastSync, sources: entries))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
