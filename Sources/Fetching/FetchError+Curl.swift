import CCurl

extension FetchError {
    /// Classifies a finished transfer that did not end in 2xx or 304.
    init(
        curlCode code: CURLcode, request: FetchRequest, response: FetchResponse,
        bodyCapExceeded: Bool, cancelled: Bool, lastLocation: String?,
        elapsed: Duration, detail: String?, retryAfter: String?
    ) {
        let curlCode = Int(code.rawValue)
        func make(_ kind: Kind, _ message: String) -> FetchError {
            FetchError(kind: kind, message: message, curlCode: curlCode, detail: detail, url: request.url)
        }

        if code == CURLE_OK {
            let status = response.httpStatus
            var error = make(.http(status: status), HTTPStatusText.line(for: status))
            if status == 429 || status == 503 { error.retryAfter = retryAfter }
            self = error
            return
        }
        // The write callback refusing bytes surfaces as a generic write error; only our flag says why.
        if bodyCapExceeded || code == CURLE_FILESIZE_EXCEEDED {
            self = make(.tooLarge, "The response is larger than the limit of \(Self.bytes(request.maxBytes))")
            return
        }
        if cancelled && code == CURLE_ABORTED_BY_CALLBACK {
            self = make(.cancelled, "The fetch was cancelled")
            return
        }

        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            self = make(
                .timeout,
                Self.timeoutMessage(
                    request: request, elapsed: elapsed, detail: detail, answered: response.httpStatus != 0))
        case CURLE_TOO_MANY_REDIRECTS:
            self = make(.tooManyRedirects, "Gave up after \(request.maxRedirects) redirects")
        case CURLE_UNSUPPORTED_PROTOCOL:
            // With redirects pending the refused URL is the last Location; otherwise the request itself.
            let target = lastLocation ?? request.url
            let via = target == request.url ? "" : " (redirect to \(target))"
            self = make(.disallowedScheme, "Only http and https URLs are allowed\(via)")
        case CURLE_URL_MALFORMAT:
            self = make(.other, "The URL is not valid")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            self = make(.dns, "The host name could not be found")
        case CURLE_COULDNT_CONNECT:
            self = make(.connection, "Could not connect to the server (connection refused or unreachable)")
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE,
            CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3:
            self = make(.connection, "The connection broke off before the response was complete")
        case CURLE_PEER_FAILED_VERIFICATION:
            self = make(.tls, "The server's TLS certificate could not be verified")
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
            CURLE_USE_SSL_FAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            self = make(.tls, "The secure connection (TLS) could not be established")
        case CURLE_BAD_CONTENT_ENCODING:
            self = make(.other, "The response body could not be decoded (broken compression)")
        default:
            self = make(.other, "The transfer failed (curl error \(curlCode))")
        }
    }

    private static func timeoutMessage(request: FetchRequest, elapsed: Duration, detail: String?, answered: Bool)
        -> String
    {
        // curl reports all three limits as the same code; its error text and the clock tell them apart.
        let connected = detail.map { !$0.hasPrefix("Resolving") && !$0.hasPrefix("Connection timed out") } ?? true
        if !answered, connected, detail?.hasPrefix("Failed to connect") != true {
            return "The server accepted the connection but sent no response within \(seconds(elapsed))"
        }
        if let detail, detail.contains("too slow") {
            return "The server sent less than \(request.lowSpeedLimit) byte/s for \(seconds(request.lowSpeedTime))"
        }
        if let detail, detail.hasPrefix("Resolving timed out") {
            return "The host name could not be resolved within \(seconds(request.connectTimeout))"
        }
        if let detail, detail.hasPrefix("Connection timed out") || detail.hasPrefix("Failed to connect") {
            return "Could not connect within \(seconds(request.connectTimeout))"
        }
        return "No complete response within \(seconds(request.totalTimeout))"
    }

    /// "30 s", "1.5 s", "250 ms".
    static func seconds(_ duration: Duration) -> String {
        let millis = duration.curlMilliseconds
        if millis < 1000 { return "\(millis) ms" }
        if millis % 1000 == 0 { return "\(millis / 1000) s" }
        return "\(millis / 1000).\(millis % 1000 / 100) s"
    }

    /// "20 MiB", "512 KiB", "1000 bytes".
    static func bytes(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }
}
