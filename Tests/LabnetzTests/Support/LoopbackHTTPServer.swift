import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny real HTTP/1.1 server on 127.0.0.1 for tests: one thread accepts, one thread per connection,
/// every response closes its connection. Stops on `stop()` or deinit and never outlives its owner.
final class LoopbackHTTPServer: Sendable {
    /// What the client asked for; header names lower-cased, the last of repeated names wins.
    struct Request: Sendable {
        var method: String
        /// Path including any query, as sent on the request line.
        var path: String
        var headers: [String: String]
    }

    /// What to answer, plus pacing knobs for timeout tests.
    struct Response: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]
        /// Silence before the status line (a server that accepts but does not answer).
        var delayBeforeHeaders: Duration = .zero
        /// Silence between the header block and the body.
        var delayBeforeBody: Duration = .zero
        /// Send the body `chunkSize` bytes at a time with `interval` in between.
        var drip: (chunkSize: Int, interval: Duration)? = nil
        /// False leaves the length open (the body ends when the connection closes).
        var sendsContentLength = true
        /// A body of `count` bytes produced while sending (repeating `pattern`), so a test can offer
        /// a huge body without holding it; replaces `body`, and no Content-Length is sent for it.
        var generated: (count: Int, pattern: [UInt8])? = nil

        init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = []) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8")
            -> Response
        {
            Response(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
        }

        static func redirect(_ status: Int = 302, to location: String) -> Response {
            Response(status: status, headers: [("Location", location)], body: Array("moved".utf8))
        }
    }

    typealias Handler = @Sendable (Request) -> Response

    let port: UInt16
    var baseURL: String { "http://127.0.0.1:\(port)" }
    /// Every request received so far, in arrival order.
    var requests: [Request] { core.requests }

    /// The most requests held in `delayBeforeBody` at the same moment: shows whether clients
    /// overlapped, without timing anything (a client cannot finish, and so cannot start its next
    /// transfer, before its request leaves the hold).
    var peakHeld: Int { core.peakHeld }
    /// Present only for servers made by `serving(files:)`.
    let files: LoopbackFileStore?

    private let core: Core

    init(handler: @escaping Handler) throws {
        files = nil
        core = try Core(handler: handler)
        port = core.port
    }

    private init(files: LoopbackFileStore) throws {
        self.files = files
        core = try Core(handler: { files.respond(to: $0) })
        port = core.port
    }

    /// Serves `files` by path ("/feed.xml") with a strong ETag and Last-Modified, honouring
    /// If-None-Match / If-Modified-Since with 304; unknown paths get 404. Change content via `files`.
    static func serving(files: [String: (contentType: String, body: [UInt8])]) throws -> LoopbackHTTPServer {
        let store = LoopbackFileStore()
        for (path, file) in files { store.set(path, contentType: file.contentType, body: file.body) }
        return try LoopbackHTTPServer(files: store)
    }

    func url(_ path: String) -> String { baseURL + path }

    /// Idempotent; returns once the accept thread and all connection threads have ended (bounded).
    func stop() { core.stop() }

    deinit { core.stop() }

    /// Runs `body` with a loopback port that is bound but not listening, so connects are refused
    /// and no other process can take the port meanwhile.
    static func withRefusingPort<T>(_ body: (UInt16) async throws -> T) async throws -> T {
        let (fd, port) = try Socket.bindLoopback()
        defer { close(fd) }
        return try await body(port)
    }
}

/// Socket plumbing shared by the server's threads; all mutable state sits behind one Mutex.
private final class Core: Sendable {
    private struct State {
        var stopped = false
        var requests: [LoopbackHTTPServer.Request] = []
        var clients: Set<Int32> = []
        var held = 0
        var peakHeld = 0
    }

    let port: UInt16
    private let listener: Int32
    private let handler: LoopbackHTTPServer.Handler
    private let state = Mutex(State())
    private let threads = DispatchGroup()

    init(handler: @escaping LoopbackHTTPServer.Handler) throws {
        (listener, port) = try Socket.bindLoopback()
        self.handler = handler
        guard listen(listener, 64) == 0 else {
            close(listener)
            throw Socket.Failure(call: "listen", errno: errno)
        }
        threads.enter()
        Thread { [self] in
            acceptLoop()
            threads.leave()
        }.start()
    }

    var requests: [LoopbackHTTPServer.Request] { state.withLock { $0.requests } }
    var peakHeld: Int { state.withLock { $0.peakHeld } }
    private var isStopped: Bool { state.withLock { $0.stopped } }

    func stop() {
        let clients: Set<Int32>? = state.withLock { state in
            guard !state.stopped else { return nil }
            state.stopped = true
            return state.clients
        }
        guard let clients else { return }
        // Wakes connection threads blocked in recv/send; they close their own descriptors.
        for fd in clients { shutdown(fd, Int32(SHUT_RDWR)) }
        _ = threads.wait(timeout: .now() + 5)
        close(listener)  // only after the accept thread is gone, so the number cannot be reused under it
    }

    private func acceptLoop() {
        // Polling with a short timeout keeps stop() simple: no need to interrupt a blocked accept().
        while !isStopped {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let admitted = state.withLock { state in
                if !state.stopped { state.clients.insert(client) }
                return !state.stopped
            }
            guard admitted else {
                close(client)
                return
            }
            threads.enter()
            Thread { [self] in
                serve(client)
                state.withLock { _ = $0.clients.remove(client) }
                close(client)
                threads.leave()
            }.start()
        }
    }

    /// `pause`, counted in `held` while it lasts.
    private func hold(for delay: Duration) -> Bool {
        guard delay > .zero else { return true }
        state.withLock { state in
            state.held += 1
            state.peakHeld = max(state.peakHeld, state.held)
        }
        defer { state.withLock { $0.held -= 1 } }
        return pause(delay)
    }

    private func serve(_ client: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(client) else { return }
        state.withLock { $0.requests.append(request) }
        let response = handler(request)

        guard pause(response.delayBeforeHeaders) else { return }
        let omitsBody = request.method == "HEAD" || response.status == 304 || response.status == 204
        guard send(client, Self.head(of: response, omitsBody: omitsBody)) else { return }
        guard !omitsBody, hold(for: response.delayBeforeBody) else { return }
        if let generated = response.generated {
            let chunk = Self.repeating(generated.pattern, toAbout: 65_536)
            var sent = 0
            while sent < generated.count {
                let part = chunk[..<min(chunk.count, generated.count - sent)]
                guard !isStopped, send(client, part) else { return }
                sent += part.count
            }
        } else if let drip = response.drip {
            var offset = 0
            while offset < response.body.count {
                let end = min(offset + max(1, drip.chunkSize), response.body.count)
                guard send(client, response.body[offset..<end]) else { return }
                offset = end
                guard offset == response.body.count || pause(drip.interval) else { return }
            }
        } else {
            _ = send(client, response.body[...])
        }
        shutdown(client, Int32(SHUT_WR))
    }

    private static func repeating(_ pattern: [UInt8], toAbout size: Int) -> [UInt8] {
        guard !pattern.isEmpty else { return [UInt8](repeating: 0, count: size) }
        var result: [UInt8] = []
        result.reserveCapacity(size + pattern.count)
        while result.count < size { result.append(contentsOf: pattern) }
        return result
    }

    private static func head(of response: LoopbackHTTPServer.Response, omitsBody: Bool) -> ArraySlice<UInt8> {
        var lines = ["HTTP/1.1 \(response.status) \(response.status < 400 ? "OK" : "Error")"]
        for (name, value) in response.headers { lines.append("\(name): \(value)") }
        let hasLength = response.headers.contains { $0.0.lowercased() == "content-length" }
        if response.sendsContentLength, response.generated == nil, !hasLength, !omitsBody || response.status == 204 {
            lines.append("Content-Length: \(omitsBody ? 0 : response.body.count)")
        }
        lines.append("Connection: close")
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)[...]
    }

    /// Reads up to the blank line (max 64 KiB); request bodies are not supported.
    private func readRequest(_ client: Int32) -> LoopbackHTTPServer.Request? {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while data.count < 65_536 {
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            data.append(contentsOf: chunk[..<count])
            if let end = data.firstRange(of: terminator) {
                return Self.parse(String(decoding: data[..<end.lowerBound], as: UTF8.self))
            }
        }
        return nil
    }

    private static func parse(_ head: String) -> LoopbackHTTPServer.Request? {
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return .init(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers)
    }

    private func send(_ client: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            // MSG_NOSIGNAL: a client that hung up must not SIGPIPE the whole test process.
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Sleeps in small steps so stop() is never held up by a long test delay; false once stopped.
    private func pause(_ duration: Duration) -> Bool {
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline {
            if isStopped { return false }
            let step = min(deadline - ContinuousClock.now, .milliseconds(20))
            let (seconds, attoseconds) = step.components
            usleep(UInt32(max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)))
        }
        return !isStopped
    }
}

/// Minimal POSIX socket helpers for the loopback server.
private enum Socket {
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var errno: Int32
        var description: String { "\(call) failed: \(String(cString: strerror(errno)))" }
    }

    /// A TCP socket bound to 127.0.0.1 on an ephemeral port; not yet listening.
    static func bindLoopback() throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(call: "socket", errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else {
            let error = Failure(call: "bind", errno: errno)
            close(fd)
            throw error
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }
}
