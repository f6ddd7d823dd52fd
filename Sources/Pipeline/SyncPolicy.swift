import Fetching

/// Limits and politeness rules of a sync: how much runs at once, how long a source may take,
/// how far backoff and freshness hints may push the next fetch, and when content is held.
public struct SyncPolicy: Sendable {
    /// Transfers in flight at once, over all hosts. Generous because a tarpit or trickling source
    /// holds its slot until its timeout; with a small limit a few of them delay every healthy source.
    public var maxConnections = 64
    /// Bytes of fetched bodies that may wait for parsing; fetching pauses beyond it.
    public var fetchAheadBytes = 48 * 1024 * 1024
    /// Transfers in flight at once to one `host:port`.
    public var maxPerHost = 4
    public var connectTimeout: Duration = .seconds(10)
    /// Whole transfer, redirects and body included.
    public var totalTimeout: Duration = .seconds(30)
    /// A transfer slower than `lowSpeedLimit` bytes/s for `lowSpeedTime` is abandoned.
    public var lowSpeedLimit = 1
    public var lowSpeedTime: Duration = .seconds(15)
    /// Cap on a decoded body; larger responses (gzip bombs included) fail at the cap.
    public var maxBytes = FetchRequest.defaultMaxBytes
    public var maxRedirects = 5
    /// Delay after the first failure; doubles with every further failure in a row, up to `backoffCap`.
    public var backoffBase: Duration = .seconds(15 * 60)
    public var backoffCap: Duration = .seconds(6 * 3600)
    /// Freshness hints (max-age, Expires, `<ttl>`, Retry-After) never delay a source longer than this,
    /// so a misconfigured server cannot stop polling for good.
    public var hintCap: Duration = .seconds(24 * 3600)
    /// A source due within this margin counts as due, so a cron run a few seconds early does not skip it.
    public var dueTolerance: Duration = .seconds(60)
    /// Fraction of upcoming events a source may lose in one sync before its content is held.
    public var maxFutureEventLoss = 0.2
    /// Jitter source in [0, 1); injectable so backoff is deterministic in tests.
    public var jitter: @Sendable () -> Double = { Double.random(in: 0..<1) }

    public init() {}

    func request(url: String, etag: String?, lastModified: String?, userAgent: String) -> FetchRequest {
        FetchRequest(
            url: url, etag: etag, lastModified: lastModified, userAgent: userAgent, maxBytes: maxBytes,
            connectTimeout: connectTimeout, totalTimeout: totalTimeout, lowSpeedLimit: lowSpeedLimit,
            lowSpeedTime: lowSpeedTime, maxRedirects: maxRedirects)
    }

    /// Delay before retrying a source that has now failed `failures` times in a row:
    /// exponential, capped, with "equal jitter" (between half and all of the step).
    func backoff(failures: Int) -> Duration {
        let steps = min(max(0, failures - 1), 30)
        let full = min(backoffCap, backoffBase * Double(1 << steps))
        let fraction = 0.5 + 0.5 * min(max(jitter(), 0), 1)
        return full * fraction
    }
}
