import Foundation

/// Reads one JSON object for the validator: typed fields, each problem recorded with its path,
/// and every key that was not asked for reported as unknown.
struct JSONObjectReader {
    let path: String
    private let object: [String: Any]
    private var asked: Set<String> = []
    private(set) var problems: [ConfigProblem] = []

    /// nil (with a problem recorded by the caller) when `value` is not an object.
    init?(_ value: Any?, path: String) {
        guard let object = value as? [String: Any] else { return nil }
        self.object = object
        self.path = path
    }

    func childPath(_ key: String) -> String { "\(path).\(key)" }

    mutating func problem(_ key: String?, _ message: String) {
        problems.append(ConfigProblem(path: key.map(childPath) ?? path, message: message))
    }

    mutating func raw(_ key: String) -> Any? {
        asked.insert(key)
        // A metatype check: `value is NSNull` bridges a list or object to Foundation to find out,
        // which for the members list of a big federation cost more than reading it.
        guard let value = object[key], !(type(of: value) is NSNull.Type) else { return nil }
        return value
    }

    mutating func string(_ key: String, required: Bool) -> String? {
        guard let value = raw(key) else {
            if required { problem(key, "missing required string") }
            return nil
        }
        guard let text = value as? String else {
            problem(key, "must be a string, found \(JSONObjectReader.typeName(value))")
            return nil
        }
        let trimmed = Self.trimmed(text)
        if trimmed.isEmpty {
            problem(key, "must not be empty")
            return nil
        }
        return trimmed
    }

    mutating func integer(_ key: String, required: Bool) -> Int? {
        guard let value = raw(key) else {
            if required { problem(key, "missing required number") }
            return nil
        }
        if let number = value as? NSNumber, !Self.isBoolean(value), let int = Int(exactly: number.doubleValue) {
            return int
        }
        problem(key, "must be an integer, found \(JSONObjectReader.typeName(value))")
        return nil
    }

    mutating func array(_ key: String, required: Bool) -> [Any]? {
        guard let value = raw(key) else {
            if required { problem(key, "missing required list") }
            return nil
        }
        guard let list = value as? [Any] else {
            problem(key, "must be a list, found \(JSONObjectReader.typeName(value))")
            return nil
        }
        return list
    }

    /// `text` without leading and trailing white space; nearly every value has none, and then
    /// Foundation's trimming (a bridge per string) is skipped.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Records every key not read so far; call once, after reading all known keys.
    mutating func reportUnknownKeys() {
        for key in object.keys.sorted() where !asked.contains(key) {
            var message = "unknown key \"\(key)\""
            if let near = asked.min(by: { editDistance($0, key) < editDistance($1, key) }),
                editDistance(near, key) <= 2
            {
                message += " (did you mean \"\(near)\"?)"
            }
            problems.append(ConfigProblem(path: childPath(key), message: message))
        }
    }

    /// On Linux every JSON number also casts to Bool, so ask for the boxed type itself.
    static func isBoolean(_ value: Any) -> Bool {
        if type(of: value) == Bool.self { return true }
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c" && "\(type(of: value))".contains("Boolean")
    }

    static func typeName(_ value: Any) -> String {
        switch value {
        case is String: return "a string"
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        case _ where isBoolean(value): return "a boolean"
        case is NSNumber: return "a number"
        default: return "\(type(of: value))"
        }
    }
}

/// Levenshtein distance, for "did you mean" hints on misspelt keys.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
