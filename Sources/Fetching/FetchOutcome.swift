/// Result of one fetch: new content, unchanged content (304), or a failure in plain words.
public enum FetchOutcome: Sendable {
    case fetched(FetchResponse)
    /// The server answered 304; `body` is empty, validators come from the 304 if it sent any.
    case notModified(FetchResponse)
    case failed(FetchError)

    public var response: FetchResponse? {
        switch self {
        case .fetched(let response), .notModified(let response): response
        case .failed: nil
        }
    }

    public var error: FetchError? {
        if case .failed(let error) = self { error } else { nil }
    }
}
