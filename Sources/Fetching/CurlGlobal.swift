import CCurl

/// Process-wide libcurl initialisation, run exactly once before the first handle exists.
enum CurlGlobal {
    // curl_easy_init would otherwise initialise implicitly, which is not thread-safe in 7.88.
    static let isReady: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
}
