/// Keeps a fetched body counted against its fetcher's backlog until the caller has digested it.
///
/// The fetcher starts no new transfer while undigested bodies exceed its backlog limit, so fetching
/// runs ahead of parsing without holding a whole federation in memory. The count is given back when
/// the last copy of the response (and so this lease) is gone; no caller can forget to give it back.
public final class BodyLease: Sendable, Equatable {
    public let bytes: Int
    private let release: @Sendable (Int) -> Void

    init(bytes: Int, release: @escaping @Sendable (Int) -> Void) {
        self.bytes = bytes
        self.release = release
    }

    deinit { release(bytes) }

    /// Bookkeeping, not content: two responses with the same content are equal whatever their leases.
    public static func == (lhs: BodyLease, rhs: BodyLease) -> Bool { true }
}
