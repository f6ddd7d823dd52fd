import ArgumentParser

/// The `labnetz` command line: sync, status, serve, check, inspect, explain.
@main
struct Labnetz: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labnetz",
        abstract: "Federation hub for civic city labs: merges members' feeds into one regional calendar.",
        discussion: """
            Exit codes: 0 all fine; 1 some sources failed (outputs still published); 2 bad configuration;
            3 another sync is running; 4 the store or the publish folder could not be written;
            5 some source's new content is held until `sync --accept SOURCE`; 64 usage error.
            """,
        subcommands: [
            SyncCommand.self, StatusCommand.self, ServeCommand.self, CheckCommand.self, InspectCommand.self,
            ExplainCommand.self,
        ],
        defaultSubcommand: nil)
}
