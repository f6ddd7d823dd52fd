import ArgumentParser
import Federation

/// `labnetz check`: validates federation.json and touches nothing else.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate federation.json and report every problem with its JSON path.")

    @OptionGroup var options: ConfigOption

    func run() throws {
        let config = try options.load()
        let sources = config.sources
        print(
            "\(options.config): ok, hub \"\(config.hub.id)\", \(config.members.count) members, \(sources.count) sources"
        )
        for (member, source) in sources {
            print("  \(member.id)/\(source.id) [\(source.role.rawValue)] \(source.url)")
        }
    }
}
