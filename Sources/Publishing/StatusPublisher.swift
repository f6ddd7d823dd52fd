import Foundation
import Parsing
import Storage

/// Renders `status.json`: per source, whether the last sync worked, why not, and when it is due again.
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
        var nextDue: String?
        var failures: Int
        var movedTo: String?
        var holdReason: String?

        enum CodingKeys: String, CodingKey {
            case member, source, url, role, state, format, lastAttempt, lastSuccess, lastError, httpStatus, itemCount,
                warnings, nextDue, failures, movedTo, holdReason
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
            try c.encode(nextDue, forKey: .nextDue)
            try c.encode(failures, forKey: .failures)
            try c.encode(movedTo, forKey: .movedTo)
            try c.encode(holdReason, forKey: .holdReason)
        }
    }

    public static func render(_ input: PublishInput) -> String {
        let entries = input.sources.map { s in
            Entry(
                member: s.member, source: s.id, url: s.url, role: s.role, state: s.state.rawValue, format: s.format,
                lastAttempt: s.lastAttempt.map(FeedDate.rfc3339), lastSuccess: s.lastSuccess.map(FeedDate.rfc3339),
                lastError: s.lastError, httpStatus: s.httpStatus, itemCount: s.itemCount, warnings: s.warnings,
                nextDue: s.nextDue.map(FeedDate.rfc3339), failures: s.failureCount, movedTo: s.movedTo,
                holdReason: s.holdReason)
        }
        let lastSync = input.sources.compactMap(\.lastAttempt).max().map(FeedDate.rfc3339)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Status(hub: input.hub.id, lastSync: lastSync, sources: entries))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
