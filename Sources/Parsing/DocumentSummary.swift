import FeedModel
import Foundation

/// What a document holds in numbers, read without keeping its items: the answer of
/// `inspect --summary`, which benchmarks and quick checks of very large feeds use.
public struct DocumentSummary: Sendable {
    public var format: String
    public var items: Int
    public var bozo: Bool
    public var warnings: [ParseWarning]
    public var bytes: Int

    /// Files up to this size are read whole, once, and that one buffer serves sniffing, the
    /// charset decision and parsing; larger ones are streamed from disk.
    static let wholeFileLimit = 4 << 20

    /// Reads the file at `path`. A large RSS or Atom file is streamed from disk entry by entry, so
    /// memory stays at one entry's size whatever the file's, and no size cap applies: the caller
    /// chose this local file. Other formats are read whole.
    public static func read(path: String, contentType: String? = nil) -> Result<DocumentSummary, ParseFailure> {
        read(path: path, contentType: contentType, wholeFileLimit: wholeFileLimit)
    }

    /// `read`, with the size up to which a file is read whole (tests compare both ways).
    static func read(path: String, contentType: String?, wholeFileLimit: Int) -> Result<DocumentSummary, ParseFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ParseFailure("cannot read \(path)")) }
        var info = stat()
        let regular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        if regular, Int(info.st_size) <= wholeFileLimit {
            let bytes = readAll(fd, expected: Int(info.st_size))
            close(fd)
            guard let bytes else { return .failure(ParseFailure("cannot read \(path)")) }
            return summary(of: bytes, contentType: contentType)
        }
        var head = [UInt8](repeating: 0, count: 4096)
        let count = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        close(fd)
        head.removeSubrange(max(count, 0)...)
        let size = regular ? Int(info.st_size) : head.count
        switch DocumentParser.sniff(bytes: head[...], contentType: contentType) {
        case .rss, .atom:
            return streamed(.file(path), contentType: contentType, size: size)
        default:
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(ParseFailure("cannot read \(path)"))
            }
            return summary(of: [UInt8](data), contentType: contentType)
        }
    }

    /// The bytes of a file `read` would read whole, read now; nil for one it would stream (larger
    /// than `wholeFileLimit`, not a regular file) or cannot read. Benchmarks read every file first
    /// and time only `summary(of:)`, the scope in which the Python peers are timed.
    public static func load(path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= wholeFileLimit else {
            return nil
        }
        return readAll(fd, expected: Int(info.st_size))
    }

    /// The summary of a document in memory (what `read` gives for a file of these bytes).
    public static func summary(of bytes: [UInt8], contentType: String?) -> Result<DocumentSummary, ParseFailure> {
        switch DocumentParser.sniff(bytes: bytes[...], contentType: contentType) {
        case .rss, .atom:
            return streamed(.memory(bytes), contentType: contentType, size: bytes.count)
        default:
            return DocumentParser.parse(Data(bytes), baseURL: nil, contentType: contentType, hubZone: .gmt).map {
                result in
                DocumentSummary(
                    format: result.version, items: result.events.count + result.articles.count, bozo: result.bozo,
                    warnings: result.warnings, bytes: bytes.count)
            }
        }
    }

    private static func streamed(_ source: XMLByteSource, contentType: String?, size: Int) -> Result<
        DocumentSummary, ParseFailure
    > {
        var count = 0
        return XMLFeedParser.stream(source, baseURL: nil, contentType: contentType, maxBytes: .max) { _ in
            count += 1
        }
        .map { feed in
            DocumentSummary(format: feed.format, items: count, bozo: feed.bozo, warnings: feed.warnings, bytes: size)
        }
    }

    /// The rest of `fd`, a regular file of about `expected` bytes (one that grew since is read to
    /// its end). A read that leaves room in the buffer met the end of the file, so a file of the
    /// expected size takes one read(2), not a second one that only returns 0.
    private static func readAll(_ fd: Int32, expected: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let room = bytes.count - filled
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, room) }
            if n < 0 { return nil }
            filled += n
            if n < room { break }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// One JSON object on one line, keys sorted. Written by hand: JSONSerialization took a
    /// fifth of the time of `inspect --summary` over many small files.
    public var json: String {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `json`'s bytes appended to `out`: a summary line per small file is written without a
    /// string made for it.
    public func appendJSON(to out: inout [UInt8]) {
        Self.append(#"{"bozo":"#, to: &out)
        Self.append(bozo ? "true" : "false", to: &out)
        Self.append(#","bytes":"#, to: &out)
        Self.appendDecimal(bytes, to: &out)
        Self.append(#","format":""#, to: &out)
        out.append(contentsOf: Self.escaped(format).utf8)
        Self.append(#"","items":"#, to: &out)
        Self.appendDecimal(items, to: &out)
        Self.append(#","warnings":"#, to: &out)
        Self.appendDecimal(warnings.count, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// A literal's bytes, copied as one block (a `String`'s UTF-8 view is appended element-wise).
    private static func append(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// The decimal digits of `n` (a count: never negative), written lowest first and turned round
    /// in place.
    private static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        var low = out.count
        var rest = n
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        var high = out.count - 1
        while low < high {
            out.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    /// `{"error":"…"}` on one line, byte for byte what JSONSerialization writes for it.
    public static func errorJSON(_ message: String) -> String {
        "{\"error\":\"" + escaped(message) + "\"}"
    }

    /// `s` as the inside of a JSON string, escaped as JSONSerialization does (including `\/`).
    static func escaped(_ s: String) -> String {
        var out = ""
        JSONStringEscape.appendInside(s, to: &out, as: .serialization)
        return out
    }
}

/// read(2); a free function, since `DocumentSummary.read` hides the C name inside the type.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
