/// Why a fetch failed: a coarse `kind` to branch on and a sentence a coordinator can read.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Failure category; cases hidden behind a struct so new ones do not break `switch`es.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case timeout, tooLarge, tooManyRedirects, disallowedScheme
            case connection, dns, tls, cancelled, other
            case http(Int)
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Connect, total or low-speed limit hit.
        public static let timeout = Kind(.timeout)
        /// Decoded body exceeded `FetchRequest.maxBytes`.
        public static let tooLarge = Kind(.tooLarge)
        public static let tooManyRedirects = Kind(.tooManyRedirects)
        /// The URL, or a redirect target, is not http/https.
        public static let disallowedScheme = Kind(.disallowedScheme)
        /// Refused, reset, or closed before a complete response.
        public static let connection = Kind(.connection)
        public static let dns = Kind(.dns)
        public static let tls = Kind(.tls)
        /// The calling Task was cancelled and the transfer aborted.
        public static let cancelled = Kind(.cancelled)
        public static let other = Kind(.other)
        /// The final response had a status other than 2xx or 304.
        public static func http(status: Int) -> Kind { Kind(.http(status)) }

        /// The status for `.http`, nil for every other kind.
        public var httpStatus: Int? {
            if case .http(let status) = base { status } else { nil }
        }

        /// Worth retrying on the next sync round without operator action.
        public var isTransient: Bool {
            switch base {
            case .timeout, .connection, .dns, .cancelled: true
            case .http(let status): status == 408 || status == 429 || status >= 500
            case .tooLarge, .tooManyRedirects, .disallowedScheme, .tls, .other: false
            }
        }

        public var description: String {
            switch base {
            case .timeout: "timeout"
            case .tooLarge: "tooLarge"
            case .tooManyRedirects: "tooManyRedirects"
            case .disallowedScheme: "disallowedScheme"
            case .connection: "connection"
            case .dns: "dns"
            case .tls: "tls"
            case .cancelled: "cancelled"
            case .other: "other"
            case .http(let status): "http(\(status))"
            }
        }
    }

    public var kind: Kind
    /// One English sentence without jargon, e.g. "HTTP 404 Not Found".
    public var message: String
    /// The libcurl result code (`CURLcode`); 0 when the transfer worked but the status did not.
    public var curlCode: Int
    /// libcurl's own error text, for logs; nil when curl had nothing to say.
    public var detail: String?
    /// The URL that was requested (not the redirect target).
    public var url: String
    /// `Retry-After` of a 429/503 response, verbatim.
    public var retryAfter: String?

    public init(
        kind: Kind, message: String, curlCode: Int = 0, detail: String? = nil,
        url: String, retryAfter: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.curlCode = curlCode
        self.detail = detail
        self.url = url
        self.retryAfter = retryAfter
    }

    public var description: String {
        var text = message
        if curlCode != 0 { text += " [curl \(curlCode)\(detail.map { ": \($0)" } ?? "")]" }
        return text
    }
}
