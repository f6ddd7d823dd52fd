import Fetching
import Foundation

/// How long a server says its answer stays fresh, or how long to wait before asking again.
///
/// Read from `Cache-Control: max-age`, `Expires` (relative to the server's `Date`), RSS `<ttl>`
/// (minutes) and `Retry-After` (seconds or an HTTP date). All are clamped by the caller.
enum FreshnessHints {
    /// Seconds the response stays fresh; nil when the server says nothing usable.
    static func freshFor(_ response: FetchResponse, body: Data?, now: Date) -> TimeInterval? {
        var candidates: [TimeInterval] = []
        if let cacheControl = response.cacheControl, let maxAge = maxAge(cacheControl) { candidates.append(maxAge) }
        if let expires = response.expires.flatMap(HTTPDate.parse) {
            let reference = response.serverDate.flatMap(HTTPDate.parse) ?? now
            candidates.append(expires.timeIntervalSince(reference))
        }
        if let body, let minutes = rssTTL(body) { candidates.append(TimeInterval(minutes) * 60) }
        return candidates.max().flatMap { $0 > 0 ? $0 : nil }
    }

    /// `max-age` of a Cache-Control value; nil for `no-cache`/`no-store` or when absent.
    static func maxAge(_ value: String) -> TimeInterval? {
        var result: TimeInterval?
        for directive in value.lowercased().split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts[0] == "no-cache" || parts[0] == "no-store" { return nil }
            if parts[0] == "max-age", parts.count == 2, let seconds = Int(parts[1].trimmingCharacters(in: ["\""])) {
                result = TimeInterval(seconds)
            }
        }
        return result
    }

    /// `Retry-After` as seconds from `now`: delta-seconds or an HTTP date.
    static func retryAfter(_ value: String, now: Date) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds >= 0 ? TimeInterval(seconds) : nil }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// RSS 2.0 `<ttl>` in minutes, looked for in the channel head only (before the first item).
    static func rssTTL(_ body: Data) -> Int? {
        let head = body.prefix(16_384)
        guard let open = ByteSearch.offset(of: Data("<ttl>".utf8), in: head) else { return nil }
        if let item = ByteSearch.offset(of: Data("<item".utf8), in: head), item < open { return nil }
        let rest = head.dropFirst(open + 5)
        guard let close = ByteSearch.offset(of: Data("</ttl>".utf8), in: rest) else { return nil }
        let text = String(decoding: rest.prefix(close), as: UTF8.self)
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { $0 > 0 ? $0 : nil }
    }
}

/// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate, plus the obsolete RFC 850 and asctime forms.
enum HTTPDate {
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy",
    ]

    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text.trimmingCharacters(in: .whitespaces)) { return date }
        }
        return nil
    }
}
