import CCurl
import Foundation  // Thread only
import Synchronization

/// Runs transfers on one libcurl multi handle from a single driver thread, with at most
/// `limits.total` transfers in flight and at most `limits.perHost` to one host.
///
/// Transfers beyond the limits wait in a queue here rather than inside curl, so their
/// timeouts only start once they are really on the wire. No transfer starts while the bodies
/// handed out and still alive (see `BodyLease`) exceed `limits.backlogBytes`: the decision is
/// made on this thread, so a busy task pool never delays the next fetch. The driver thread
/// exists only while there is work; it holds the multi handle alive until then.
final class CurlMulti: Sendable {
    /// How many transfers may run at once, overall and per `host:port`.
    struct Limits: Sendable, Equatable {
        var total: Int
        var perHost: Int
        /// Bytes of delivered bodies that may be alive at once before new transfers wait.
        var backlogBytes = Int.max
    }

    private struct Job {
        let transfer: CurlTransfer
        let host: String
        /// Called on the driver thread when the transfer leaves the queue for the wire.
        let started: (@Sendable () -> Void)?
        let done: @Sendable (FetchOutcome) -> Void
    }

    private struct State {
        /// Submitted transfers in submission order; a started one leaves a nil behind until the
        /// front is trimmed, so admitting never copies the whole queue (with a thousand queued
        /// transfers, rebuilding it on every wake-up was quadratic).
        var queue: [Job?] = []
        /// Index of the first slot that may still hold a job.
        var head = 0
        var driving = false
        /// The driver thread is (about to be) blocked in curl_multi_poll and needs a wake-up.
        var polling = false
        /// Something changed (a submit, a lease ended) since the driver last looked at the queue.
        var changed = false
        /// Bytes of delivered bodies whose leases are still alive.
        var backlog = 0

        /// Starts the queued jobs the limits allow, oldest first; a job whose host is full waits
        /// without blocking the ones behind it.
        mutating func admit(free: Int, perHost: inout [String: Int], limit: Int) -> [Job] {
            var taken: [Job] = []
            var index = head
            while index < queue.count, taken.count < free {
                if let job = queue[index], perHost[job.host, default: 0] < limit {
                    perHost[job.host, default: 0] += 1
                    taken.append(job)
                    queue[index] = nil
                }
                index += 1
            }
            while head < queue.count, queue[head] == nil { head += 1 }
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 1024, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            return taken
        }

        var isEmpty: Bool { head == queue.count }
    }

    // CURLM is `typedef void`, so the handle imports as a raw pointer; only the driver thread uses
    // it for anything but curl_multi_wakeup, which libcurl documents as callable from any thread.
    private nonisolated(unsafe) let multi: UnsafeMutableRawPointer
    private let limits: Limits
    private let state = Mutex(State())

    init?(limits: Limits) {
        guard CurlGlobal.isReady, let multi = ccurl_multi_init() else { return nil }
        self.multi = multi
        self.limits = Limits(
            total: max(1, limits.total), perHost: max(1, limits.perHost), backlogBytes: max(1, limits.backlogBytes))
        // curl's own connection cache must hold every parallel connection, or keep-alive is lost.
        ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, self.limits.total)
        ccurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX)
    }

    deinit { ccurl_multi_cleanup(multi) }

    /// Queues `transfer`; `started` is called when it leaves the queue (the limits let it start),
    /// `done` exactly once when it ended; both on the driver thread.
    func submit(
        _ transfer: CurlTransfer, started: (@Sendable () -> Void)? = nil,
        done: @escaping @Sendable (FetchOutcome) -> Void
    ) {
        let job = Job(transfer: transfer, host: CurlURL.hostKey(transfer.request.url), started: started, done: done)
        notify { $0.queue.append(job) }
    }

    /// Applies `change` to the state, then gets the driver to look at it: starts the driver thread
    /// when none runs, or wakes it when it waits in curl_multi_poll. Only one wake-up is sent per
    /// wait, not one per submitted transfer.
    private func notify(_ change: (inout State) -> Void) {
        enum Action { case none, start, wake }
        let action = state.withLock { state -> Action in
            change(&state)
            state.changed = true
            if !state.driving {
                guard !state.isEmpty else { return .none }
                state.driving = true
                return .start
            }
            guard state.polling else { return .none }
            state.polling = false
            return .wake
        }
        switch action {
        case .none: break
        case .start: startDriverThread()
        case .wake: ccurl_multi_wakeup(multi)
        }
    }

    private func startDriverThread() {
        let thread = Thread { self.drive() }
        thread.name = "labnetz.curl-multi"
        thread.start()
    }

    /// A lease ended: its bytes no longer count, and waiting transfers may start.
    private func digested(_ bytes: Int) {
        notify { $0.backlog -= bytes }
    }

    /// Counts a delivered body against the backlog until its response is gone.
    private func leased(_ outcome: FetchOutcome) -> FetchOutcome {
        guard case .fetched(var response) = outcome, !response.body.isEmpty else { return outcome }
        let bytes = response.body.count
        state.withLock { $0.backlog += bytes }
        response.lease = BodyLease(bytes: bytes) { [self] in digested($0) }
        return .fetched(response)
    }

    private func drive() {
        var active: [UnsafeMutableRawPointer: Job] = [:]
        var perHost: [String: Int] = [:]
        while true {
            let admitted: [Job]? = state.withLock { state in
                state.changed = false
                // Over the backlog nothing new starts; the lease that brings it back down wakes us.
                let free = state.backlog < limits.backlogBytes ? limits.total - active.count : 0
                let taken = free > 0 ? state.admit(free: free, perHost: &perHost, limit: limits.perHost) : []
                if taken.isEmpty && active.isEmpty {
                    // Decided under the lock, so a submit either sees `driving == false` or is admitted here.
                    state.driving = false
                    return nil
                }
                return taken
            }
            guard let admitted else { return }
            for job in admitted {
                job.started?()
                job.transfer.markStarted()
                ccurl_multi_add_handle(multi, job.transfer.handle)
                active[job.transfer.handle] = job
            }
            var running: Int32 = 0
            ccurl_multi_perform(multi, &running)
            var left: Int32 = 0
            var finished = false
            while let message = ccurl_multi_info_read(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
                let code = ccurl_msg_result(message)
                ccurl_multi_remove_handle(multi, handle)
                guard let job = active.removeValue(forKey: handle) else { continue }
                perHost[job.host, default: 1] -= 1
                finished = true
                job.done(leased(job.transfer.finish(code: code)))
            }
            // A finished transfer freed a slot: admit again before waiting.
            if finished || active.isEmpty { continue }
            let wait = state.withLock { state in
                // A change since the admission above is looked at now rather than after the wait.
                if state.changed { return false }
                state.polling = true
                return true
            }
            guard wait else { continue }
            // Returns early on socket activity, on a curl timer, or on curl_multi_wakeup from `notify`.
            ccurl_multi_poll(multi, nil, 0, 1000, nil)
            state.withLock { $0.polling = false }
        }
    }
}
