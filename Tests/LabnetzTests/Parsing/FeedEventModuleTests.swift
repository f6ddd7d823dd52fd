import FeedModel
import Federation
import Foundation
import Parsing
import Pipeline
import Storage
import Testing

/// The RSS event module (`ev:*`): a news item that announces an event becomes an Event, in every
/// XML format, and reaches the hub's calendar even from a source whose role is `news`.
@Suite("feed event module")
struct FeedEventModuleTests {
    func normalize(_ name: String) throws -> ParseResult {
        try DocumentParser.parse(
            FeedFixture.data(name), baseURL: nil, contentType: nil, hubZone: TimeZone(identifier: "Europe/Berlin")!
        ).get()
    }

    @Test func rss20ItemsWithStartDateBecomeEvents() throws {
        let result = try normalize("rss20-news-with-events.xml")
        #expect(result.version == "rss20")
        #expect(result.events.map(\.uid) == ["termin-42", "https://freiraum.example.org/2025/loetkurs"])
        #expect(result.articles.map(\.id) == ["https://freiraum.example.org/?p=77"])
        let talk = result.events[0]
        #expect(talk.title == "Vortrag: Offene Daten")
        #expect(talk.url == "https://freiraum.example.org/2025/offene-daten")
        #expect(talk.start == .utc(CivilDateTime(year: 2025, month: 9, day: 12, hour: 16, minute: 0)))
        #expect(talk.end == .utc(CivilDateTime(year: 2025, month: 9, day: 12, hour: 19, minute: 0)))
        #expect(talk.location == "Kulturbahnhof")
        #expect(talk.organizer == "FreiRAUM Arnsberg")
        #expect(talk.categories == ["Vortrag", "lecture"])
        #expect(result.events[1].start == .floating(CivilDateTime(year: 2025, month: 10, day: 1, hour: 9, minute: 30)))
        #expect(result.events[1].end == nil)
    }

    @Test func atomEntryWithStartDateBecomesEvent() throws {
        let result = try normalize("atom-entry-with-event.xml")
        #expect(result.articles.isEmpty)
        let event = try #require(result.events.first)
        #expect(event.uid == "tag:lab.example.org,2025:maker-day")
        #expect(event.url == "https://lab.example.org/maker-day")
        #expect(event.start == .allDay(CivilDate(year: 2025, month: 11, day: 8)))
        #expect(event.end == .allDay(CivilDate(year: 2025, month: 11, day: 9)))
        #expect(event.location == "Stadthalle")
    }

    @Test func unreadableStartDateKeepsTheItemAsArticleWithWarning() throws {
        let xml = """
            <rss version="2.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/"><channel><title>t</title>
            <item><title>Bald</title><link>https://x.example/bald</link><ev:startdate>demnächst</ev:startdate></item>
            </channel></rss>
            """
        let result = try DocumentParser.parse(
            Data(xml.utf8), baseURL: nil, contentType: nil, hubZone: TimeZone(identifier: "UTC")!
        ).get()
        #expect(result.events.isEmpty)
        #expect(result.articles.map(\.id) == ["https://x.example/bald"])
        #expect(result.warnings.contains { $0.message.contains("ev:startdate") && $0.line == 2 })
    }

    /// A sync of a `news` source: its event items are published in the regional calendar, its
    /// plain news items in the news stream.
    @Test func newsSourceEventsReachTheCalendar() async throws {
        let folder = try RepositoryFiles.temporaryFolder()
        try FeedFixture.data("rss20-news-with-events.xml").write(to: folder.appendingPathComponent("news.rss"))
        let config = try TestHub.config(
            in: folder, sources: [(member: "arnsberg", id: "arnsberg-news", url: "news.rss", role: "news")])
        let store = try HubStore(path: config.hub.database)
        let report = try await HubSync(config: config, store: store).run(
            now: Date(timeIntervalSince1970: 1_756_000_000))
        #expect(report.failedSources.isEmpty)
        let publish = URL(fileURLWithPath: config.hub.publishDir)
        let ics = try String(contentsOf: publish.appendingPathComponent("regional.ics"), encoding: .utf8)
        #expect(ics.contains("SUMMARY:Vortrag: Offene Daten"))
        #expect(ics.contains("LOCATION:Kulturbahnhof"))
        #expect(ics.contains("SUMMARY:Lötkurs für Einsteiger"))
        let news = try String(contentsOf: publish.appendingPathComponent("news.json"), encoding: .utf8)
        #expect(news.contains("Neue Öffnungszeiten"))
        #expect(!news.contains("Offene Daten"))
    }
}
