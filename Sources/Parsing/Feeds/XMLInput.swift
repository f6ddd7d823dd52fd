import Foundation

/// Where a document's bytes come from: pulled chunk by chunk, so a feed is never held in memory
/// as a whole unless it already was, and a pass can be started again from the beginning.
public struct XMLByteSource: Sendable {
    /// Fills the buffer with the next bytes; returns how many (0 at the end, negative on a read error).
    public typealias Pull = (UnsafeMutableRawBufferPointer) -> Int

    /// The document's size when known in advance (bytes in memory): a small one needs no full-size read buffer.
    var count: Int? = nil
    /// Starts a fresh pass over the document.
    let open: @Sendable () -> Pull?
    /// The bytes, when the document is in memory: `head` then copies them rather than starting a pass.
    var inMemory: [UInt8]? = nil

    /// The first `count` bytes (fewer when the document is shorter), for sniffing; bytes in memory
    /// are not copied.
    func head(_ count: Int) -> ArraySlice<UInt8> {
        if let inMemory { return inMemory.prefix(count) }
        guard let pull = open() else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { pull(UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            if n <= 0 { break }
            filled += n
        }
        return bytes[..<filled]
    }

    /// A pass over bytes already in memory.
    public static func memory(_ bytes: [UInt8]) -> XMLByteSource {
        var source = XMLByteSource(count: bytes.count) {
            var offset = 0
            return { buffer in
                let n = min(buffer.count, bytes.count - offset)
                guard n > 0 else { return 0 }
                bytes.withUnsafeBytes {
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n]))
                }
                offset += n
                return n
            }
        }
        source.inMemory = bytes
        return source
    }

    /// A pass over a file, read as the parser asks for it.
    public static func file(_ path: String) -> XMLByteSource {
        XMLByteSource(count: nil) {
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            let fd = handle.fileDescriptor
            return { buffer in
                // The handle lives as long as the closure; read(2) reports errors as -1.
                withExtendedLifetime(handle) { read(fd, buffer.baseAddress, buffer.count) }
            }
        }
    }

    /// A pass over bytes made on demand (tests, benchmarks): nothing is stored.
    public static func generated(_ make: @escaping @Sendable () -> Pull) -> XMLByteSource {
        XMLByteSource(count: nil) { make() }
    }
}

/// One pass of an `XMLByteSource` as libxml2's read callback sees it, with a hard byte cap.
final class XMLInputPass {
    /// Where the bytes come from: a document in memory is read in place (no pass to open, which
    /// costs a closure and a box per document), anything else through its pull.
    private enum Origin {
        case memory([UInt8])
        case pull(XMLByteSource.Pull)
    }

    private let origin: Origin
    /// How far a document in memory has been read.
    private var position = 0
    let limit: Int
    /// The document's size when known (see `XMLByteSource.count`).
    let expected: Int?
    private(set) var consumed = 0
    /// Set when the document went on past `limit` and reading was stopped there.
    private(set) var hitLimit = false
    private(set) var readFailed = false

    /// A pass over `source` from its start; nil when it cannot be opened.
    init?(source: XMLByteSource, limit: Int) {
        if let bytes = source.inMemory {
            origin = .memory(bytes)
        } else if let pull = source.open() {
            origin = .pull(pull)
        } else {
            return nil
        }
        self.limit = limit
        expected = source.count
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
        let room = min(count, limit - consumed)
        guard room > 0 else {
            if !hitLimit, !readFailed {
                // One probe byte tells a document of exactly `limit` bytes from a longer one.
                var probe: UInt8 = 0
                let more = withUnsafeMutableBytes(of: &probe) { next($0) }
                hitLimit = more > 0
            }
            return 0
        }
        let n = next(UnsafeMutableRawBufferPointer(start: buffer, count: room))
        if n < 0 {
            readFailed = true
            return -1
        }
        consumed += n
        return Int32(n)
    }

    /// The next bytes, as `XMLByteSource.Pull` answers.
    private func next(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        switch origin {
        case .pull(let pull):
            return pull(buffer)
        case .memory(let bytes):
            let n = min(buffer.count, bytes.count - position)
            guard n > 0 else { return 0 }
            bytes.withUnsafeBytes {
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[position..<position + n]))
            }
            position += n
            return n
        }
    }
}
