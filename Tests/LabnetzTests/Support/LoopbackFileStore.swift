import Foundation
import Synchronization

/// Thread-safe path → file table behind `LoopbackHTTPServer.serving(files:)`, with HTTP validators.
///
/// Tests change content between fetches with `set`; each change gets a new ETag and a Last-Modified
/// one minute later, so conditional requests behave like a real static file server.
final class LoopbackFileStore: Sendable {
    struct File: Sendable {
        var contentType: String
        var body: [UInt8]
        var etag: String
        var lastModified: String
    }

    private struct State {
        var files: [String: File] = [:]
        var version = 0
    }

    private let state = Mutex(State())

    func set(_ path: String, contentType: String, body: [UInt8]) {
        state.withLock { state in
            state.version += 1
            state.files[path] = File(
                contentType: contentType, body: body, etag: Self.strongETag(body),
                lastModified: Self.httpDate(secondsSince1970: 1_704_067_200 + state.version * 60))
        }
    }

    func set(_ path: String, contentType: String, text: String) {
        set(path, contentType: contentType, body: Array(text.utf8))
    }

    func remove(_ path: String) {
        state.withLock { _ = $0.files.removeValue(forKey: path) }
    }

    subscript(path: String) -> File? { state.withLock { $0.files[path] } }

    func respond(to request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Response {
        let path = String(request.path.prefix { $0 != "?" && $0 != "#" })
        guard let file = self[path] else { return .text("not found", status: 404) }
        let validators = [("ETag", file.etag), ("Last-Modified", file.lastModified)]
        // If-None-Match wins over If-Modified-Since when both are present (RFC 9110 §13.2.2).
        let notModified: Bool
        if let tags = request.headers["if-none-match"] {
            notModified = tags.split(separator: ",").contains { candidate in
                let tag = candidate.trimmingCharacters(in: .whitespaces)
                return tag == "*" || tag == file.etag || tag == "W/" + file.etag
            }
        } else if let since = request.headers["if-modified-since"] {
            notModified = since == file.lastModified
        } else {
            notModified = false
        }
        if notModified { return .init(status: 304, headers: validators) }
        return .init(status: 200, headers: [("Content-Type", file.contentType)] + validators, body: file.body)
    }

    /// FNV-1a 64 of the body: stable across runs, fast on multi-MiB bodies in debug builds.
    private static func strongETag(_ body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    private static func httpDate(secondsSince1970: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
    }
}
