/// Fetches URLs over libcurl's multi interface: every call joins one shared driver that runs
/// all transfers concurrently within a global and a per-host limit.
///
/// Copies share the driver, so one value can be handed to every task of a sync.
public struct CurlFetcher: Sendable {
    private let multi: CurlMulti?

    /// `maxConnections` caps all parallel transfers; `maxPerHost` keeps a sync polite to one server;
    /// no transfer starts while delivered bodies still alive (their `lease`) hold `maxBacklogBytes`.
    public init(maxConnections: Int = 64, maxPerHost: Int = 4, maxBacklogBytes: Int = Int.max) {
        multi = CurlMulti(
            limits: .init(total: maxConnections, perHost: maxPerHost, backlogBytes: maxBacklogBytes))
    }

    /// Never throws: transport trouble, limits and non-2xx statuses all come back as `.failed`.
    /// `started` is called when the transfer leaves the queue and goes on the wire (a transfer
    /// waits while the global or per-host limit is reached), `ended` as soon as it is over, before
    /// the caller's task gets to run again.
    public func fetch(
        _ request: FetchRequest, started: (@Sendable () -> Void)? = nil, ended: (@Sendable () -> Void)? = nil
    ) async -> FetchOutcome {
        let flag = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                guard let multi, let transfer = CurlTransfer(request: request, cancellation: flag) else {
                    continuation.resume(
                        returning: .failed(
                            FetchError(
                                kind: .other,
                                message: CurlGlobal.isReady
                                    ? "libcurl could not be initialised"
                                    : "libcurl could not be initialised: \(CurlGlobal.problem)",
                                url: request.url)))
                    return
                }
                multi.submit(transfer, started: started) { outcome in
                    ended?()
                    continuation.resume(returning: outcome)
                }
            }
        } onCancel: {
            flag.cancel()
        }
    }
}
