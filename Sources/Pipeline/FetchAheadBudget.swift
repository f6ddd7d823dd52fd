/// Bounds the bytes fetched but not yet parsed and stored, so fetching runs ahead of parsing without
/// holding a whole federation in memory.
///
/// When fetching waited for parsing, a tarpit late in the source list started its timeout only once
/// everything before it was parsed, and the sync lasted parse time plus timeout. A budget in bytes
/// (not a count of sources) keeps the lead large for small feeds and small for huge ones.
actor FetchAheadBudget {
    /// Bytes reserved by one admitted source: a guess until its body has arrived.
    struct Reservation: Sendable {
        fileprivate(set) var bytes: Int
    }

    let limit: Int
    /// What an admitted source is assumed to hold until its body size is known.
    let estimate: Int
    private var held = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int, estimate: Int = 64 * 1024) {
        self.limit = max(1, limit)
        self.estimate = max(1, estimate)
    }

    /// Waits until the budget has room for one more source, then reserves `estimate` for it.
    /// The first source is always admitted, so a limit below one body cannot stall a sync.
    func admit() async -> Reservation {
        if held == 0 || (waiting.isEmpty && held + estimate <= limit) {
            held += estimate
        } else {
            // The releaser reserves on our behalf before resuming us, so admission stays first come, first served.
            await withCheckedContinuation { waiting.append($0) }
        }
        return Reservation(bytes: estimate)
    }

    /// Replaces the guess with the size of the body that arrived (0 for a 304 or a failure).
    func resize(_ reservation: Reservation, to bytes: Int) -> Reservation {
        held += bytes - reservation.bytes
        admitWaiting()
        return Reservation(bytes: bytes)
    }

    /// Gives the reservation back once the body is parsed and stored (or dropped).
    func release(_ reservation: Reservation) {
        held -= reservation.bytes
        admitWaiting()
    }

    /// Sources waiting for room; for tests and the progress line.
    var waitingCount: Int { waiting.count }
    /// Bytes reserved right now.
    var heldBytes: Int { held }

    private func admitWaiting() {
        while !waiting.isEmpty, held == 0 || held + estimate <= limit {
            held += estimate
            waiting.removeFirst().resume()
        }
    }
}
