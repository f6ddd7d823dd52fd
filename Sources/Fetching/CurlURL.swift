import CCurl

/// URL resolution with curl's own parser, so hops are recorded exactly as curl followed them.
enum CurlURL {
    /// `reference` made absolute against `base`; `reference` unchanged if either does not parse.
    static func resolve(_ reference: String, against base: String) -> String {
        guard let url = ccurl_url() else { return reference }
        defer { ccurl_url_cleanup(url) }
        // CURLU_NON_SUPPORT_SCHEME keeps e.g. "file:" targets intact for the error message.
        let flags = UInt32(CURLU_NON_SUPPORT_SCHEME)
        guard ccurl_url_set(url, CURLUPART_URL, base, flags) == CURLUE_OK,
            ccurl_url_set(url, CURLUPART_URL, reference, flags) == CURLUE_OK
        else { return reference }
        var text: UnsafeMutablePointer<CChar>?
        guard ccurl_url_get(url, CURLUPART_URL, &text, 0) == CURLUE_OK, let text else { return reference }
        defer { ccurl_free(text) }
        return String(cString: text)
    }

    /// `host:port` (lower-cased, default port filled in) for per-host limits; the URL itself if it does not parse.
    static func hostKey(_ address: String) -> String {
        guard let url = ccurl_url() else { return address }
        defer { ccurl_url_cleanup(url) }
        guard ccurl_url_set(url, CURLUPART_URL, address, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK else {
            return address
        }
        func part(_ which: CURLUPart, _ flags: Int32 = 0) -> String? {
            var text: UnsafeMutablePointer<CChar>?
            guard ccurl_url_get(url, which, &text, UInt32(flags)) == CURLUE_OK, let text else { return nil }
            defer { ccurl_free(text) }
            return String(cString: text)
        }
        guard let host = part(CURLUPART_HOST) else { return address }
        let port = part(CURLUPART_PORT, CURLU_DEFAULT_PORT) ?? ""
        return host.lowercased() + ":" + port
    }
}
