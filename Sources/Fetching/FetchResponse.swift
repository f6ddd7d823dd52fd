/// The final HTTP response of a fetch (after redirects), with its validators and redirect chain.
public struct FetchResponse: Sendable, Equatable {
    public var httpStatus: Int
    /// Decoded body (Content-Encoding removed); empty for 304.
    public var body: [UInt8]
    public var etag: String?
    public var lastModified: String?
    public var contentType: String?
    /// URL of the response that produced `body`, after all redirects.
    public var finalURL: String
    public var contentLocation: String?
    /// Freshness hints of the final response, verbatim; the pipeline turns them into a next-due time.
    public var cacheControl: String?
    public var expires: String?
    /// The server's `Date`, so `Expires` can be read relative to the server's clock.
    public var serverDate: String?
    /// Every hop curl followed, in order; empty when the first response was final.
    public var redirects: [HTTPRedirect]
    public var elapsedMilliseconds: Int
    /// Holds `body` against the fetcher's backlog while the response lives.
    public var lease: BodyLease?

    public init(
        httpStatus: Int,
        body: [UInt8] = [],
        etag: String? = nil,
        lastModified: String? = nil,
        contentType: String? = nil,
        finalURL: String,
        contentLocation: String? = nil,
        cacheControl: String? = nil,
        expires: String? = nil,
        serverDate: String? = nil,
        redirects: [HTTPRedirect] = [],
        elapsedMilliseconds: Int = 0
    ) {
        self.httpStatus = httpStatus
        self.body = body
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
        self.finalURL = finalURL
        self.contentLocation = contentLocation
        self.cacheControl = cacheControl
        self.expires = expires
        self.serverDate = serverDate
        self.redirects = redirects
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    /// Where the feed has moved for good, or nil.
    ///
    /// Only an unbroken run of 301/308 from the requested URL counts: after a temporary hop
    /// the origin still owns the old URL, so later permanent hops say nothing about it.
    public var permanentRedirect: String? {
        var target: String?
        for hop in redirects {
            guard hop.isPermanent else { break }
            target = hop.location
        }
        return target
    }
}
