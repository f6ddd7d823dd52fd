import CCurl

/// One libcurl easy handle set up for a `FetchRequest`, driven by `CurlMulti`.
///
/// Not thread-safe: after `init` only the multi driver's thread touches it (the callbacks mutate it
/// from inside `curl_multi_perform`). `@unchecked Sendable` because ownership moves to that thread
/// once at `CurlMulti.submit` and never comes back.
final class CurlTransfer: @unchecked Sendable {
    /// One response head seen by the header callback; redirects and the final response alike.
    struct Head {
        var status: Int
        var location: String?
    }

    let handle: UnsafeMutableRawPointer
    let request: FetchRequest
    private let cancellation: CancellationFlag
    // curl writes into this during perform, so it must outlive the handle (freed in deinit).
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?

    fileprivate var body: [UInt8] = []
    fileprivate var bodyCapExceeded = false
    fileprivate var heads: [Head] = []

    /// Nil only when libcurl cannot allocate a handle.
    init?(request: FetchRequest, cancellation: CancellationFlag) {
        guard CurlGlobal.isReady, let handle = ccurl_easy_init() else { return nil }
        self.handle = handle
        self.request = request
        self.cancellation = cancellation
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        configure()
    }

    deinit {
        ccurl_easy_cleanup(handle)
        ccurl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configure() {
        // Options are only rejected for unknown names or out-of-memory, so results are not checked;
        // a misconfiguration shows up as a failed perform.
        ccurl_setopt_string(handle, CURLOPT_URL, request.url)
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)  // signals are process-wide; we run on pool threads
        ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        ccurl_setopt_long(handle, CURLOPT_MAXREDIRS, max(0, request.maxRedirects))
        ccurl_setopt_long(handle, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        // HTTP/2 over TLS when the server offers it (multiplexed on one connection), HTTP/1.1 otherwise.
        // No PIPEWAIT: on HTTP/1.1 servers that close connections it serialises transfers to one host.
        ccurl_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))  // proxy CONNECT heads are no hops
        ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")  // every encoding curl can decode
        ccurl_setopt_string(handle, CURLOPT_USERAGENT, request.userAgent)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.curlMilliseconds)
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, request.totalTimeout.curlMilliseconds)
        if request.lowSpeedLimit > 0 {
            ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, request.lowSpeedLimit)
            let seconds = Int(request.lowSpeedTime.components.seconds)
            ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, seconds))
        }
        // Only effective when Content-Length is known, and then it counts encoded bytes (a lower
        // bound of the decoded size), so it can only reject early what the write callback would too.
        ccurl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(max(0, request.maxBytes)))
        ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)

        var headers: [String] = []
        if let etag = request.etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified = request.lastModified { headers.append("If-Modified-Since: \(lastModified)") }
        if let accept = request.accept { headers.append("Accept: \(accept)") }
        // A stored validator with CR/LF would smuggle extra request headers; drop it instead.
        // (A byte test: Foundation's `contains` of a string was a hot spot with a thousand transfers.)
        for header in headers where !header.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
            headerList = ccurl_slist_append(headerList, header)
        }
        if let headerList { ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList) }

        let context = Unmanaged.passUnretained(self).toOpaque()
        ccurl_setopt_write_function(handle, curlTransferWrite)
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        ccurl_setopt_header_function(handle, curlTransferHeader)
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        ccurl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        ccurl_setopt_xferinfo_function(handle, curlTransferProgress)
        ccurl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context)
    }

    /// When the transfer was handed to curl; the elapsed time runs from here.
    private var started = ContinuousClock.now

    /// Marks the moment curl takes the transfer over (queueing time before it does not count).
    func markStarted() { started = ContinuousClock.now }

    /// Classifies the finished transfer from curl's result code.
    func finish(code: CURLcode) -> FetchOutcome {
        let elapsed = started.duration(to: ContinuousClock.now)
        let response = makeResponse(elapsed: elapsed)
        if code == CURLE_OK {
            if response.httpStatus == 304 { return .notModified(response) }
            if (200..<300).contains(response.httpStatus) { return .fetched(response) }
        }
        return .failed(
            FetchError(
                curlCode: code, request: request, response: response,
                bodyCapExceeded: bodyCapExceeded, cancelled: cancellation.isCancelled,
                lastLocation: heads.last?.location, elapsed: elapsed, detail: curlDetail(code),
                retryAfter: finalHeader("Retry-After")))
    }

    private func makeResponse(elapsed: Duration) -> FetchResponse {
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        ccurl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        return FetchResponse(
            httpStatus: status,
            body: status == 304 ? [] : body,
            etag: finalHeader("ETag"),
            lastModified: finalHeader("Last-Modified"),
            contentType: finalHeader("Content-Type"),
            finalURL: effective.map { String(cString: $0) } ?? request.url,
            contentLocation: finalHeader("Content-Location"),
            cacheControl: finalHeader("Cache-Control"),
            expires: finalHeader("Expires"),
            serverDate: finalHeader("Date"),
            redirects: redirects(),
            elapsedMilliseconds: Int(elapsed.components.seconds) * 1000
                + Int(elapsed.components.attoseconds / 1_000_000_000_000_000))
    }

    /// Reads a header of the last response only (request index -1), never one of a redirect.
    func finalHeader(_ name: String) -> String? {
        var header: UnsafeMutablePointer<curl_header>?
        guard ccurl_easy_header(handle, name, 0, UInt32(CURLH_HEADER), -1, &header) == CURLHE_OK,
            let header, let value = header.pointee.value
        else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// Hops before the final response, with each Location made absolute.
    private func redirects() -> [HTTPRedirect] {
        var base = request.url
        var result: [HTTPRedirect] = []
        for head in heads.dropLast() where (300..<400).contains(head.status) {
            guard let location = head.location else { continue }
            base = CurlURL.resolve(location, against: base)
            result.append(HTTPRedirect(status: head.status, location: base))
        }
        return result
    }

    private func curlDetail(_ code: CURLcode) -> String? {
        guard code != CURLE_OK else { return nil }
        let buffered = String(cString: errorBuffer)
        if !buffered.isEmpty { return buffered }
        return ccurl_easy_strerror(code).map { String(cString: $0) }
    }

    // MARK: Callback bodies (called from the C trampolines below, on the perform thread)

    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= request.maxBytes else {
            bodyCapExceeded = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    fileprivate func receiveHeaderLine(_ line: UnsafeRawBufferPointer) {
        let text = String(decoding: line, as: UTF8.self)  // lossy: only ASCII status and Location matter
        if text.hasPrefix("HTTP/") {
            let fields = text.split(separator: " ", maxSplits: 2)
            let status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
            guard status >= 200 else { return }  // 1xx heads precede the real one
            heads.append(Head(status: status))
            body.removeAll(keepingCapacity: true)  // a body belongs to its own response only
            return
        }
        guard let colon = text.firstIndex(of: ":"), !heads.isEmpty else { return }
        if text[..<colon].lowercased() == "location" {
            let value = text[text.index(after: colon)...].trimmingWhitespace()
            heads[heads.count - 1].location = value.isEmpty ? nil : value
        }
    }

    fileprivate var shouldAbort: Bool { cancellation.isCancelled }
}

private let curlTransferWrite: curl_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    // Returning anything but `length` makes curl stop with CURLE_WRITE_ERROR.
    return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private let curlTransferHeader: curl_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
    return length
}

private let curlTransferProgress: curl_xferinfo_callback = { context, _, _, _, _ in
    guard let context else { return 0 }
    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().shouldAbort ? 1 : 0
}

extension StringProtocol {
    /// Without leading/trailing spaces, tabs, CR and LF; Foundation-free.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
