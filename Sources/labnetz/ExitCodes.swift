import ArgumentParser

/// The documented exit codes; only the CLI decides them.
enum ExitCodes {
    static let ok = ExitCode(0)
    static let sourcesFailed = ExitCode(1)
    static let badConfiguration = ExitCode(2)
    static let syncRunning = ExitCode(3)
    static let storeOrPublishFailed = ExitCode(4)
    /// New content of some source was held back and waits for `sync --accept SOURCE`.
    static let sourcesHeld = ExitCode(5)
}
