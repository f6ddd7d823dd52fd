import Foundation

extension FederationValidator {
    /// Reads `$.dedup`; every key is optional and falls back to `DedupSettings`' default.
    /// `sourceIDs` are the configured sources, which pins must name.
    mutating func readDedup(_ value: Any?, sourceIDs: Set<String>) -> DedupSettings {
        var settings = DedupSettings()
        guard let value else { return settings }
        guard var reader = JSONObjectReader(value, path: "$.dedup") else {
            problems.append(ConfigProblem(path: "$.dedup", message: "must be an object"))
            return settings
        }
        func fraction(_ key: String, _ target: inout Double) {
            guard let number = reader.number(key) else { return }
            if number < 0 || number > 1 {
                reader.problem(key, "must be between 0 and 1, found \(number)")
            } else {
                target = number
            }
        }
        fraction("matchThreshold", &settings.matchThreshold)
        fraction("titleThreshold", &settings.titleThreshold)
        fraction("nearMissFloor", &settings.nearMissFloor)
        fraction("titleWeight", &settings.titleWeight)
        fraction("timeWeight", &settings.timeWeight)
        fraction("locationWeight", &settings.locationWeight)
        fraction("zoneSlipScore", &settings.zoneSlipScore)
        fraction("allDayAgainstTimedScore", &settings.allDayAgainstTimedScore)
        if settings.titleWeight + settings.timeWeight <= 0 {
            reader.problem("titleWeight", "titleWeight and timeWeight must not both be 0")
        }
        if let minutes = reader.integer("timeToleranceMinutes", required: false) {
            if (0...720).contains(minutes) {
                settings.timeToleranceMinutes = minutes
            } else {
                reader.problem("timeToleranceMinutes", "must be between 0 and 720 minutes, found \(minutes)")
            }
        }
        if let words = reader.array("genericWords", required: false) {
            for (index, word) in words.enumerated() {
                if let text = word as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                    settings.genericWords.append(text)
                } else {
                    problems.append(
                        ConfigProblem(path: "$.dedup.genericWords[\(index)]", message: "must be a non-empty string"))
                }
            }
        }
        if let pins = reader.array("pins", required: false) {
            for (index, pin) in pins.enumerated() {
                if let pin = readPin(pin, path: "$.dedup.pins[\(index)]", sourceIDs: sourceIDs) {
                    settings.pins.append(pin)
                }
            }
        }
        reader.reportUnknownKeys()
        problems.append(contentsOf: reader.problems)
        return settings
    }

    private mutating func readPin(_ value: Any, path: String, sourceIDs: Set<String>) -> DedupPin? {
        guard var pin = JSONObjectReader(value, path: path) else {
            problems.append(ConfigProblem(path: path, message: "must be an object"))
            return nil
        }
        defer { problems.append(contentsOf: pin.problems) }
        var kind: DedupPin.Kind?
        var items: [String] = []
        for candidate in [DedupPin.Kind.same, .different] {
            guard let list = pin.array(candidate.rawValue, required: false) else { continue }
            if kind != nil {
                pin.problem(candidate.rawValue, "a pin is either \"same\" or \"different\", not both")
                continue
            }
            kind = candidate
            for (index, entry) in list.enumerated() {
                let entryPath = "\(path).\(candidate.rawValue)[\(index)]"
                guard let text = entry as? String, let slash = text.firstIndex(of: "/"), slash != text.startIndex,
                    text.index(after: slash) != text.endIndex
                else {
                    problems.append(
                        ConfigProblem(
                            path: entryPath,
                            message: "must be \"sourceID/UID\" (e.g. \"soest-events/42@soest.example\")"))
                    continue
                }
                let source = String(text[..<slash])
                if !sourceIDs.contains(source) {
                    problems.append(
                        ConfigProblem(path: entryPath, message: "names no configured source \"\(source)\""))
                    continue
                }
                items.append(text)
            }
            if list.count < 2 { pin.problem(candidate.rawValue, "must name at least two source items") }
        }
        if kind == nil { pin.problem(nil, "needs \"same\" or \"different\": a list of \"sourceID/UID\"") }
        let note = pin.string("note", required: false)
        pin.reportUnknownKeys()
        guard let kind, items.count >= 2 else { return nil }
        return DedupPin(kind: kind, items: items, note: note)
    }
}

extension JSONObjectReader {
    /// An optional number (integer or decimal); booleans are not numbers.
    mutating func number(_ key: String) -> Double? {
        guard let value = raw(key) else { return nil }
        if let number = value as? NSNumber, !Self.isBoolean(value) { return number.doubleValue }
        problem(key, "must be a number, found \(JSONObjectReader.typeName(value))")
        return nil
    }
}
