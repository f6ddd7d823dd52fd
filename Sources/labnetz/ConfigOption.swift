import ArgumentParser
import Federation
import Foundation

/// `--config`, shared by every command that reads federation.json.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "Path of the federation file.")
    var config = "federation.json"

    /// The validated configuration; on problems prints all of them and exits with code 2.
    func load() throws -> FederationConfig {
        do {
            return try FederationLoader.load(path: config)
        } catch {
            Terminal.error(error.description)
            throw ExitCodes.badConfiguration
        }
    }
}

/// Output helpers: results on stdout, diagnostics on stderr.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// True when stdout is a terminal (interactive run) rather than a cron log or a pipe.
    static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }
}
