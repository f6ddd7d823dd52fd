/// Why a document could not be read at all (no items could be recovered).
public struct ParseFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 1-based line, when known.
    public var line: Int?
    public init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }
    public var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }
}
