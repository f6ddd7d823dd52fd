#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lines for standard output, collected and written in blocks of about 64 KB: `print` takes
/// the stdout lock and formats through its stream machinery on every call, which cost as much
/// as summarizing a small feed when `inspect --summary` reads thousands of them.
///
/// Nothing else may write to standard output while lines are pending; `flush` before that
/// (and at the end).
struct StandardOutputLines {
    private var pending: [UInt8] = []
    private let blockSize = 64 << 10

    init() { pending.reserveCapacity(blockSize + 256) }

    /// Appends one line: `write` adds its bytes, the line feed is added here.
    mutating func line(_ write: (inout [UInt8]) -> Void) {
        write(&pending)
        pending.append(0x0A)
        if pending.count >= blockSize { flush() }
    }

    mutating func line(_ text: String) {
        line { $0.append(contentsOf: text.utf8) }
    }

    /// Writes out what is pending. A failed write (a closed pipe) ends the output: what could not
    /// be written is dropped, as `print` drops it.
    mutating func flush() {
        var offset = 0
        while offset < pending.count {
            let n = pending.withUnsafeBytes { write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
        pending.removeAll(keepingCapacity: true)
    }
}
