import Foundation
import Testing

@testable import Federation

@Suite("federation.json")
struct FederationLoaderTests {
    static let valid = """
        {"version": 1,
         "hub": {"id": "suedwestfalen", "title": "Regionalkalender", "baseURL": "http://127.0.0.1:8080",
                 "timeZone": "Europe/Berlin", "publishDir": "public", "database": "data/labnetz.sqlite"},
         "members": [{"id": "soest", "name": "stadtLABOR Soest", "city": "Soest", "homepage": "https://soest.example/",
                      "sources": [{"id": "soest-events", "url": "feeds/soest/veranstaltungen.ics", "role": "events"},
                                  {"id": "soest-news", "url": "https://soest.example/feed/", "role": "news"}]}]}
        """

    @Test func readsAValidFileAndResolvesPathsAgainstItsFolder() throws {
        let config = try FederationLoader.parse(Data(Self.valid.utf8), configPath: "/srv/hub/federation.json")
        #expect(config.hub.id == "suedwestfalen")
        #expect(config.hub.baseURL == "http://127.0.0.1:8080/")
        #expect(config.hub.timeZone.identifier == "Europe/Berlin")
        #expect(config.hub.publishDir == "/srv/hub/public")
        #expect(config.hub.database == "/srv/hub/data/labnetz.sqlite")
        #expect(
            config.sources.map(\.source.location) == [
                .file("/srv/hub/feeds/soest/veranstaltungen.ics"), .http("https://soest.example/feed/"),
            ])
        #expect(config.sources.map(\.source.role) == [.events, .news])
    }

    @Test func reportsEveryProblemWithItsJSONPath() throws {
        let broken = """
            {"version": 1, "colour": "blue",
             "hub": {"id": "Süd", "title": "", "baseURL": "ftp://x", "timeZone": "Mars/Olympus",
                     "publishDir": "public"},
             "members": [
               {"id": "soest", "name": "stadtLABOR Soest", "homepag": "https://soest.example/",
                "sources": [{"id": "a", "url": "file:///etc/passwd", "role": "events"},
                            {"id": "a", "url": "https://ok.example/feed", "role": "blog"}]},
               {"id": "soest", "sources": [{"url": "feeds/x.ics", "role": "news"}]}]}
            """
        let error = #expect(throws: ConfigError.self) {
            try FederationLoader.parse(Data(broken.utf8), configPath: "/srv/federation.json")
        }
        let problems = try #require(error).problems.map(\.description)
        let expected = [
            "$.colour: unknown key \"colour\"",
            "$.hub.id: must be lower-case letters, digits and '-' (e.g. \"soest-events\")",
            "$.hub.title: must not be empty",
            "$.hub.baseURL: must be an absolute http:// or https:// URL, found \"ftp://x\"",
            "$.hub.timeZone: unknown IANA time zone \"Mars/Olympus\" (e.g. \"Europe/Berlin\")",
            "$.hub.database: missing required string",
            "$.members[0].homepag: unknown key \"homepag\" (did you mean \"homepage\"?)",
            "$.members[0].sources[0].url: must be an http:// or https:// URL or a path relative to the config file, found \"file:///etc/passwd\"",
            "$.members[0].sources[1].id: duplicate source id \"a\" (also $.members[0].sources[0].id)",
            "$.members[0].sources[1].role: must be \"events\" or \"news\", found \"blog\"",
            "$.members[1].name: missing required string",
            "$.members[1].sources[0].id: missing required string",
            "$.members[1].id: duplicate member id \"soest\" (also $.members[0])",
        ]
        for line in expected {
            #expect(problems.contains(line), "missing problem: \(line)\ngot:\n\(problems.joined(separator: "\n"))")
        }
        #expect(problems.count == expected.count, "\(problems.joined(separator: "\n"))")
    }

    @Test func namesTheFileWhenItIsNotJSON() {
        let error = #expect(throws: ConfigError.self) {
            try FederationLoader.parse(Data("{\"version\": 1,".utf8), configPath: "federation.json")
        }
        #expect(error?.problems.count == 1)
        #expect(error?.problems.first?.path == "$")
        #expect(error?.description.hasPrefix("federation.json: 1 problem") == true)
    }

    @Test(arguments: ["../feeds/x.ics", "feeds/x.ics", "sub dir/feed.xml"])
    func acceptsRelativePaths(_ url: String) throws {
        let text = Self.valid.replacingOccurrences(of: "feeds/soest/veranstaltungen.ics", with: url)
        let config = try FederationLoader.parse(Data(text.utf8), configPath: "/srv/hub/federation.json")
        guard case .file(let path) = config.sources[0].source.location else {
            Issue.record("not a file source")
            return
        }
        #expect(path.hasPrefix("/srv/"))
    }

    @Test(arguments: ["/etc/passwd", "javascript:alert(1)", "mailto:a@b.example", "https://", "http://exa mple.org/"])
    func rejectsURLsThatAreNeitherWebNorRelative(_ url: String) {
        let text = Self.valid.replacingOccurrences(of: "feeds/soest/veranstaltungen.ics", with: url)
        let error = #expect(throws: ConfigError.self) {
            try FederationLoader.parse(Data(text.utf8), configPath: "/srv/hub/federation.json")
        }
        #expect(error?.problems.map(\.path) == ["$.members[0].sources[0].url"])
    }

    @Test func theShippedFederationFileIsValid() throws {
        let path = RepositoryFiles.root.appendingPathComponent("federation.json").path
        let config = try FederationLoader.load(path: path)
        #expect(config.members.map(\.id) == ["soest", "arnsberg", "iserlohn", "menden", "ankerorte"])
        for (_, source) in config.sources {
            if case .file(let file) = source.location {
                #expect(FileManager.default.fileExists(atPath: file), "missing sample feed \(file)")
            }
        }
    }
}
