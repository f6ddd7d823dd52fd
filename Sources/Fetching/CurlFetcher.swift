import Foundation  // Thread only

/// Fetches one URL per call with libcurl's easy interface on a dedicated thread.
///
/// Stateless: every call gets its own handle, so one value may be shared freely.
public struct CurlFetcher: Sendable {
    public init() {}

    /// Never throws: transport trouble, limits and non-2xx statuses all come back as `.failed`.
    public func fetch(_ request: FetchRequest) async -> FetchOutcome {
        let flag = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // curl_easy_perform blocks for up to the total timeout, so it gets a thread of its own:
                // on the cooperative pool it would starve Tasks, and libdispatch's global queues grow
                // only about one thread per second once a few transfers block (measured on 2 cores).
                let thread = Thread {
                    continuation.resume(returning: Self.perform(request, cancellation: flag))
                }
                thread.name = "labnetz.fetch"
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
    }

    private static func perform(_ request: FetchRequest, cancellation: CancellationFlag) -> FetchOutcome {
        guard let transfer = CurlTransfer(request: request, cancellation: cancellation) else {
            return .failed(
                FetchError(kind: .other, message: "libcurl could not be initialised", url: request.url))
        }
        return transfer.perform()
    }
}
