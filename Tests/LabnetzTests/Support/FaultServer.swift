import Foundation
import Synchronization

/// A loopback feed server whose paths can be switched into failure modes between syncs:
/// the faults a hub meets in the wild, each reproducible in a test.
///
/// Paths without a fault are served from `files` with ETag/Last-Modified and 304s.
final class FaultServer: Sendable {
    enum Fault: Sendable {
        /// Accepts, then says nothing for longer than any test timeout.
        case timeout
        /// Sends a large body one byte at a time, far below any low-speed limit.
        case slowDrip
        case status(Int, headers: [(String, String)])
        /// `301` to another path that answers `301` back.
        case redirectLoop(to: String)
        case redirect(Int, to: String)
        /// Promises the full file in Content-Length, sends a fraction, closes.
        case truncated
        case body(String, contentType: String)
        case bytes([UInt8], contentType: String)
        /// Small gzip bytes that decode to far more than the body cap.
        case gzipBomb([UInt8])
        /// A generated body of this many bytes, never held in memory.
        case hugeBody(Int)
        /// Odd requests get 500, even ones the file: a source that alternates bad/good.
        case alternating
    }

    private final class Table: Sendable {
        let faults = Mutex<[String: Fault]>([:])
        let hits = Mutex<[String: Int]>([:])
    }

    let files = LoopbackFileStore()
    private let table = Table()
    private let server: LoopbackHTTPServer

    init() throws {
        let (files, table) = (files, table)
        server = try LoopbackHTTPServer { request in
            let path = String(request.path.prefix { $0 != "?" })
            let count = table.hits.withLock { hits in
                hits[path, default: 0] += 1
                return hits[path]!
            }
            guard let fault = table.faults.withLock({ $0[path] }) else { return files.respond(to: request) }
            return Self.respond(fault, path: path, count: count, request: request, files: files)
        }
    }

    func url(_ path: String) -> String { server.url(path) }
    func stop() { server.stop() }

    func set(_ fault: Fault?, at path: String) { table.faults.withLock { $0[path] = fault } }

    /// Requests `path` has had so far.
    func hits(_ path: String) -> Int { table.hits.withLock { $0[path] ?? 0 } }

    private static func respond(
        _ fault: Fault, path: String, count: Int, request: LoopbackHTTPServer.Request, files: LoopbackFileStore
    ) -> LoopbackHTTPServer.Response {
        switch fault {
        case .timeout:
            var response = LoopbackHTTPServer.Response.text("too late")
            response.delayBeforeHeaders = .seconds(30)
            return response
        case .slowDrip:
            var response = LoopbackHTTPServer.Response(
                headers: [("Content-Type", "text/calendar")], body: [UInt8](repeating: 46, count: 50_000))
            response.drip = (chunkSize: 1, interval: .milliseconds(100))
            return response
        case .status(let status, let headers):
            return .init(status: status, headers: headers + [("Content-Type", "text/html")], body: Array("Fehler".utf8))
        case .redirectLoop(let target), .redirect(301, let target):
            return .redirect(301, to: target)
        case .redirect(let status, let target):
            return .redirect(status, to: target)
        case .truncated:
            let body = files[path]?.body ?? []
            return .init(
                status: 200, headers: [("Content-Type", "text/calendar"), ("Content-Length", "\(body.count)")],
                body: Array(body.prefix(body.count / 3)))
        case .body(let text, let contentType):
            return .text(text, contentType: contentType)
        case .bytes(let bytes, let contentType):
            return .init(status: 200, headers: [("Content-Type", contentType)], body: bytes)
        case .gzipBomb(let bytes):
            return .init(
                status: 200, headers: [("Content-Type", "text/calendar"), ("Content-Encoding", "gzip")], body: bytes)
        case .hugeBody(let count):
            var response = LoopbackHTTPServer.Response(headers: [("Content-Type", "text/calendar")])
            response.generated = (count, Array("BEGIN:VEVENT\r\nSUMMARY:Flut\r\nEND:VEVENT\r\n".utf8))
            return response
        case .alternating:
            return count % 2 == 1 ? .text("kaputt", status: 500) : files.respond(to: request)
        }
    }

    /// Real gzip bytes from /bin/gzip, so decoding is tested against an independent encoder.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("labnetz-gzip-\(UUID().uuidString)")
        try Data(bytes).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n", input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()  // before wait: the pipe buffer is finite
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }
}

/// Calendars with numbered events in December 2026, for tests that count what survives.
enum FaultFeeds {
    static func calendar(_ numbers: [Int], title: String, stamp: String = "20261121T120000Z") -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//fault//DE"]
        for n in numbers {
            let day = n < 10 ? "0\(n)" : "\(n)"
            lines += [
                "BEGIN:VEVENT", "UID:\(title.lowercased().filter(\.isLetter))-\(n)@test.example", "DTSTAMP:\(stamp)",
                "DTSTART:202612\(day)T170000Z", "DTEND:202612\(day)T190000Z", "SUMMARY:\(title) \(n)", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
