import CCurl

/// Process-wide libcurl initialisation, run exactly once before the first handle exists.
enum CurlGlobal {
    // curl_easy_init would otherwise initialise implicitly, which is not thread-safe in 7.88. This is
    // also where libcurl gets loaded (the CCurl shim opens it on first use rather than linking it).
    static let isReady: Bool = ccurl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// Why fetching cannot work when `isReady` is false: libcurl missing, or its initialisation failed.
    static var problem: String {
        ccurl_problem().map { String(cString: $0) } ?? "curl_global_init failed"
    }
}
