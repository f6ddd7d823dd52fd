/// One problem in federation.json, named by its JSON path (e.g. `$.members[2].sources[0].url`).
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// All problems found in a configuration; thrown only when the file cannot be used at all.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The config file, as given.
    public var file: String
    public var problems: [ConfigProblem]

    public init(file: String, problems: [ConfigProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        (["\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s")"]
            + problems.map { "  \($0)" }).joined(separator: "\n")
    }
}
