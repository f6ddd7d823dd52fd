/// What to fetch and under which limits: one conditional HTTP GET of a feed URL.
public struct FetchRequest: Sendable, Equatable {
    /// Absolute http or https URL; any other scheme fails with `.disallowedScheme`.
    public var url: String
    /// Validator from the previous successful fetch, sent as `If-None-Match`.
    public var etag: String?
    /// Validator from the previous successful fetch, sent as `If-Modified-Since`.
    public var lastModified: String?
    public var userAgent: String
    /// Sent as `Accept`; nil sends curl's default `*/*`.
    public var accept: String?
    /// Cap on the *decoded* body; a larger body fails with `.tooLarge`.
    public var maxBytes: Int
    public var connectTimeout: Duration
    /// Whole transfer including redirects and body.
    public var totalTimeout: Duration
    /// The transfer aborts (`.timeout`) when it moves fewer than `lowSpeedLimit` bytes/s
    /// for `lowSpeedTime`; guards against servers that trickle just enough to stay alive.
    public var lowSpeedLimit: Int
    public var lowSpeedTime: Duration
    public var maxRedirects: Int

    public static let defaultUserAgent = "labnetz/0.1 (civic lab feed federation)"
    public static let defaultAccept =
        "application/atom+xml, application/rss+xml, application/feed+json, text/calendar, "
        + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
    public static let defaultMaxBytes = 20 << 20

    public init(
        url: String,
        etag: String? = nil,
        lastModified: String? = nil,
        userAgent: String = FetchRequest.defaultUserAgent,
        accept: String? = FetchRequest.defaultAccept,
        maxBytes: Int = FetchRequest.defaultMaxBytes,
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30),
        lowSpeedLimit: Int = 1,
        lowSpeedTime: Duration = .seconds(15),
        maxRedirects: Int = 5
    ) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.userAgent = userAgent
        self.accept = accept
        self.maxBytes = maxBytes
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        self.maxRedirects = maxRedirects
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a sub-millisecond limit never becomes curl's "0 = no limit".
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(1, Int(clamping: millis))
    }
}
