import Foundation
import Parsing
import Storage

/// Renders `status.json`: per source, whether the last sync worked, why not, and when it is due again.
///
/// Written by hand rather than with JSONEncoder, which took a sixth of the CPU of a sync where every
/// source answered 304. The layout is JSONEncoder's with sorted keys, pretty printing and unescaped
/// slashes, byte for byte, so dashboards and diffs see no change. Every source key is always present,
/// null when unknown, so a dashboard needs no key checks.
public enum StatusPublisher {
    public static func render(_ input: PublishInput) -> String {
        // Most sources share their times (a sync's `now`): format each instant once.
        var stamps: [Date: String] = [:]
        func stamp(_ date: Date?) -> String? {
            guard let date else { return nil }
            if let known = stamps[date] { return known }
            let text = FeedDate.rfc3339(date)
            stamps[date] = text
            return text
        }
        var out = "{\n  \"hub\" : "
        JSONStringEscape.appendQuoted(input.hub.id, to: &out, as: .encoder)
        // Like the encoder's optional property: the key is left out before the first sync.
        if let lastSync = input.sources.compactMap(\.lastAttempt).max() {
            out += ",\n  \"lastSync\" : "
            JSONStringEscape.appendQuoted(FeedDate.rfc3339(lastSync), to: &out, as: .encoder)
        }
        out += ",\n  \"sources\" : ["
        out.reserveCapacity(input.sources.count * 600)
        for (index, s) in input.sources.enumerated() {
            out += index == 0 ? "\n    {\n" : ",\n    {\n"
            field("failures", s.failureCount, &out)
            field("format", s.format, &out)
            field("holdReason", s.holdReason, &out)
            field("httpStatus", s.httpStatus, &out)
            field("itemCount", s.itemCount, &out)
            field("lastAttempt", stamp(s.lastAttempt), &out)
            field("lastError", s.lastError, &out)
            field("lastSuccess", stamp(s.lastSuccess), &out)
            field("member", s.member, &out)
            field("movedTo", s.movedTo, &out)
            field("nextDue", stamp(s.nextDue), &out)
            field("role", s.role, &out)
            field("source", s.id, &out)
            field("state", s.state.rawValue, &out)
            field("url", s.url, &out)
            out += "      \"warnings\" : ["
            for (w, warning) in s.warnings.enumerated() {
                out += w == 0 ? "\n        " : ",\n        "
                JSONStringEscape.appendQuoted(warning, to: &out, as: .encoder)
            }
            // The encoder writes an empty list with a blank line inside.
            out += s.warnings.isEmpty ? "\n\n      ]\n    }" : "\n      ]\n    }"
        }
        out += input.sources.isEmpty ? "\n\n  ]\n}\n" : "\n  ]\n}\n"
        return out
    }

    private static func field(_ key: String, _ value: String?, _ out: inout String) {
        out += "      \"\(key)\" : "
        if let value { JSONStringEscape.appendQuoted(value, to: &out, as: .encoder) } else { out += "null" }
        out += ",\n"
    }

    private static func field(_ key: String, _ value: Int?, _ out: inout String) {
        out += "      \"\(key)\" : \(value.map(String.init) ?? "null"),\n"
    }
}
