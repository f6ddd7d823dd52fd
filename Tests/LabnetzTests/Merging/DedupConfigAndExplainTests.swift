import FeedModel
import Federation
import Foundation
import Testing

@testable import Merging

/// `$.dedup` in federation.json, `labnetz explain`, and near-identical news texts.
@Suite("dedup settings, explain, news texts", .serialized)
struct DedupConfigAndExplainTests {
    static func load(_ dedup: Any, priority: Any = 0) -> Result<FederationConfig, ConfigError> {
        let json: [String: Any] = [
            "version": 1,
            "hub": [
                "id": "hub", "title": "Hub", "baseURL": "http://127.0.0.1:8080/", "timeZone": "Europe/Berlin",
                "publishDir": "public", "database": "data/hub.sqlite",
            ],
            "members": [
                [
                    "id": "soest", "name": "Soest", "city": "Soest", "priority": priority,
                    "sources": [["id": "soest-events", "url": "a.ics", "role": "events"]],
                ]
            ],
            "dedup": dedup,
        ]
        let data = try! JSONSerialization.data(withJSONObject: json)
        return Result { () throws(ConfigError) in try FederationLoader.parse(data, configPath: "/tmp/federation.json") }
    }

    @Test func settingsAndPinsAreRead() throws {
        let config = try Self.load(
            [
                "matchThreshold": 0.8, "timeToleranceMinutes": 15, "genericWords": ["Sprechstunde"],
                "pins": [["same": ["soest-events/a", "soest-events/b"], "note": "dasselbe"]],
            ], priority: 3
        ).get()
        #expect(config.dedup.matchThreshold == 0.8)
        #expect(config.dedup.timeToleranceMinutes == 15)
        #expect(config.dedup.titleThreshold == DedupSettings().titleThreshold)
        #expect(
            config.dedup.pins == [DedupPin(kind: .same, items: ["soest-events/a", "soest-events/b"], note: "dasselbe")])
        #expect(config.members[0].priority == 3)
    }

    @Test func everyProblemIsNamedByItsJSONPath() {
        let result = Self.load(
            [
                "matchThreshold": 1.5, "timeToleranceMinutes": "30", "titelThreshold": 0.5,
                "pins": [
                    ["same": ["soest-events/a", "nope/b"]], ["different": ["soest-events/a"]], ["both": []],
                    ["same": ["x"], "different": ["soest-events/a", "soest-events/b"]],
                ],
            ], priority: "hoch")
        guard case .failure(let error) = result else {
            Issue.record("bad dedup settings were accepted")
            return
        }
        let problems = error.problems.map(\.description)
        for expected in [
            "$.dedup.matchThreshold: must be between 0 and 1, found 1.5",
            "$.dedup.timeToleranceMinutes: must be an integer, found a string",
            "$.dedup.titelThreshold: unknown key \"titelThreshold\" (did you mean \"titleThreshold\"?)",
            "$.dedup.pins[0].same[1]: names no configured source \"nope\"",
            "$.dedup.pins[1].different: must name at least two source items",
            "$.dedup.pins[2]: needs \"same\" or \"different\": a list of \"sourceID/UID\"",
            "$.dedup.pins[2].both: unknown key \"both\" (did you mean \"note\"?)",
            "$.dedup.pins[3].different: a pin is either \"same\" or \"different\", not both",
            "$.members[0].priority: must be an integer, found a string",
        ] {
            #expect(problems.contains(expected), "missing \(expected) in \(problems)")
        }
    }

    @Test func explainNamesTheItemsTheScoresAndTheNearMisses() async throws {
        let corpus = try await DedupCorpus.synced()
        let key = try #require(corpus.labels.first { $0.value == "kidscode-soest" && $0.key.hasPrefix("soest") }?.key)
        let run = try CommandLineTests.run(["explain", "--config", corpus.config.configPath, key])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 source items:"))
        #expect(run.stdout.contains("iserlohn/iserlohn-events/"))
        #expect(run.stdout.contains("joined by:"))
        #expect(run.stdout.contains("score "))
        let uid = try #require(run.stdout.split(separator: " ").first.map(String.init))
        let byUID = try CommandLineTests.run(["explain", "--config", corpus.config.configPath, uid])
        #expect(byUID.stdout == run.stdout)
        let missing = try CommandLineTests.run(["explain", "--config", corpus.config.configPath, "nope/nothing"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no merged event or source item"))
    }

    @Test func nearIdenticalNewsTextsFromTwoSourcesAreOneItem() {
        let text = """
            <p>Das stadtLABOR Soest hat die ersten Datensätze im neuen Open-Data-Portal veröffentlicht: \
            Haltestellen, Spielplätze, Parkplätze und die Standorte der Trinkwasserbrunnen. Alle Daten stehen \
            unter einer freien Lizenz und werden monatlich aktualisiert.</p>
            """
        let seen = Date(timeIntervalSince1970: 1_790_000_000)
        func item(_ source: String, _ id: String, _ title: String, _ body: String) -> SourcedItem<Article> {
            SourcedItem(
                ref: SourceItemRef(member: source, source: source, uid: id),
                payload: Article(id: id, title: title, link: "https://\(source).example/\(id)", content: body),
                rank: 0, memberCity: nil, firstSeen: seen, lastChanged: seen)
        }
        let merged = ArticleMerger.merge([
            item("soest-news", "1", "Open-Data-Portal: erste Datensätze online", text),
            item(
                "ankerorte-news", "9", "Aus der Region: Soest veröffentlicht offene Daten", "<p>Aus Soest:</p>" + text),
            item("menden-news", "4", "Neue Daten in Menden", "<p>Auch Menden hat Daten veröffentlicht.</p>"),
            item("soest-news", "2", "Open-Data-Portal: erste Datensätze online (Wiederholung)", text),
        ])
        let groups = merged.map { $0.sources.map(\.source).sorted() }.sorted { $0.description < $1.description }
        // The re-post of another source joins; the same source posting twice stays two posts.
        #expect(groups == [["ankerorte-news", "soest-news"], ["menden-news"], ["soest-news"]])
        #expect(merged.flatMap(\.sources).allSatisfy { $0.url?.hasPrefix("https://") == true })
    }
}
