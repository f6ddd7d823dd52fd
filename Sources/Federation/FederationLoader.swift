import FeedModel
import Foundation

/// Reads and validates federation.json, reporting every problem with its JSON path.
public enum FederationLoader {
    /// Loads `path`; relative paths in the file are resolved against `path`'s folder.
    public static func load(path: String) throws(ConfigError) -> FederationConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, problems: [ConfigProblem(path: "$", message: "cannot read the file")])
        }
        return try parse(data, configPath: path)
    }

    /// Validates the JSON text of a configuration as if it were read from `configPath`.
    public static func parse(_ data: Data, configPath: String) throws(ConfigError) -> FederationConfig {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw ConfigError(
                file: configPath,
                problems: [ConfigProblem(path: "$", message: "not valid JSON: \(detail ?? "\(error)")")])
        }
        let folder = URL(fileURLWithPath: configPath).deletingLastPathComponent().standardizedFileURL.path
        var validator = FederationValidator(folder: folder)
        guard let config = validator.validate(json), validator.problems.isEmpty else {
            throw ConfigError(file: configPath, problems: validator.problems)
        }
        var loaded = FederationConfig(
            version: config.version, hub: config.hub, members: config.members, configPath: configPath,
            dedup: config.dedup)
        loaded.fileDigest = SHA256.hex(data)
        return loaded
    }
}
