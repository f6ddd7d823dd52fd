import Foundation
import Testing

@testable import Parsing
@testable import Publishing
@testable import Storage

@Suite("publishing status.json and status.html")
struct StatusPublisherTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func input(_ sources: [SourceRecord]) throws -> PublishInput {
        let folder = try RepositoryFiles.temporaryFolder()
        let config = try TestHub.config(
            in: folder,
            sources: [
                ("soest", "soest-events", "http://127.0.0.1:9/a.ics", "events"),
                ("arnsberg", "arnsberg-news", "feeds/b.xml", "news"),
            ])
        return PublishInput(config: config, events: [], articles: [], sources: sources, now: now)
    }

    static func record(
        _ id: String, member: String, url: String, state: SourceState, lastError: String? = nil,
        warnings: [String] = [], movedTo: String? = nil, attempted: Bool = true
    ) -> SourceRecord {
        SourceRecord(
            id: id, member: member, url: url, role: "events", etag: nil, lastModified: nil, contentHash: nil,
            state: state, format: attempted ? "rss2" : nil, lastAttempt: attempted ? now - 60 : nil,
            lastSuccess: attempted ? now - 3600 : nil, lastError: lastError, httpStatus: attempted ? 200 : nil,
            itemCount: 7, warnings: warnings, parserVersion: 2, nextDue: attempted ? now + 900 : nil,
            failureCount: lastError == nil ? 0 : 2, movedTo: movedTo, holdReason: nil)
    }

    /// The shape status.json had when JSONEncoder wrote it; the hand-written writer must match it byte for byte.
    struct Reference: Encodable {
        struct Entry: Encodable {
            var member, source, url, role, state: String
            var format, lastAttempt, lastSuccess, lastError: String?
            var httpStatus: Int?
            var itemCount: Int
            var warnings: [String]
            var nextDue: String?
            var failures: Int
            var movedTo, holdReason: String?

            enum CodingKeys: String, CodingKey {
                case member, source, url, role, state, format, lastAttempt, lastSuccess, lastError, httpStatus
                case itemCount, warnings, nextDue, failures, movedTo, holdReason
            }

            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(member, forKey: .member)
                try c.encode(source, forKey: .source)
                try c.encode(url, forKey: .url)
                try c.encode(role, forKey: .role)
                try c.encode(state, forKey: .state)
                try c.encode(format, forKey: .format)
                try c.encode(lastAttempt, forKey: .lastAttempt)
                try c.encode(lastSuccess, forKey: .lastSuccess)
                try c.encode(lastError, forKey: .lastError)
                try c.encode(httpStatus, forKey: .httpStatus)
                try c.encode(itemCount, forKey: .itemCount)
                try c.encode(warnings, forKey: .warnings)
                try c.encode(nextDue, forKey: .nextDue)
                try c.encode(failures, forKey: .failures)
                try c.encode(movedTo, forKey: .movedTo)
                try c.encode(holdReason, forKey: .holdReason)
            }
        }
        var hub: String
        var lastSync: String?
        var sources: [Entry]

        init(_ input: PublishInput) {
            hub = input.config.hub.id
            lastSync = input.sources.compactMap(\.lastAttempt).max().map(FeedDate.rfc3339)
            sources = input.sources.map { s in
                Entry(
                    member: s.member, source: s.id, url: s.url, role: s.role, state: s.state.rawValue,
                    format: s.format, lastAttempt: s.lastAttempt.map(FeedDate.rfc3339),
                    lastSuccess: s.lastSuccess.map(FeedDate.rfc3339), lastError: s.lastError,
                    httpStatus: s.httpStatus, itemCount: s.itemCount, warnings: s.warnings,
                    nextDue: s.nextDue.map(FeedDate.rfc3339), failures: s.failureCount, movedTo: s.movedTo,
                    holdReason: s.holdReason)
            }
        }

        func text() throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
        }
    }

    @Test func statusJSONIsWhatJSONEncoderWrote() throws {
        var awkward = "quote \" backslash \\ slash / tab\t nl\n cr\r bs\u{08} ff\u{0C} esc\u{1B} nul\u{00} "
        awkward += "del\u{7F} ß 😀 \u{2028}"
        let sources = [
            Self.record("soest-events", member: "soest", url: "http://127.0.0.1:9/a.ics", state: .ok),
            Self.record(
                "arnsberg-news", member: "arnsberg", url: "feeds/b.xml", state: .failed, lastError: awkward,
                warnings: ["one <b>", awkward, "three"], movedTo: "https://new.example/feed?a=1&b=2"),
            Self.record("never", member: "arnsberg", url: "feeds/c.xml", state: .new, attempted: false),
        ]
        for records in [sources, [sources[2]], []] {
            let input = try Self.input(records)
            let written = StatusPublisher.render(input)
            #expect(written == (try Reference(input).text()))
            #expect((try? JSONSerialization.jsonObject(with: Data(written.utf8))) != nil)
        }
        // Before any sync there is no lastSync key at all, and the list is empty.
        let empty = StatusPublisher.render(try Self.input([]))
        #expect(!empty.contains("lastSync"))
        #expect(empty.hasSuffix("\"sources\" : [\n\n  ]\n}\n"))
    }

    @Test func statusPageRowsEscapeEveryTextAndLinkOnlyWebSources() throws {
        let sources = [
            Self.record("soest-events", member: "soest", url: "http://127.0.0.1:9/a.ics?x=1&y=\"2\"", state: .ok),
            Self.record(
                "arnsberg-news", member: "arnsberg", url: "feeds/b.xml", state: .failed,
                lastError: "Something <odd> 'happened' & more"),
        ]
        let page = StatusPagePublisher.render(try Self.input(sources))
        #expect(page.contains("1 von 2 Quellen brauchen Aufmerksamkeit."))
        // Member names come from the configuration, not the ids.
        #expect(page.contains("<th scope=\"row\" class=\"state-ok\">Soest Lab / soest-events<br>"))
        #expect(
            page.contains(
                "<a href=\"http://127.0.0.1:9/a.ics?x=1&amp;y=&quot;2&quot;\">http://127.0.0.1:9/a.ics?x=1&amp;y=&quot;2&quot;</a>"
            ))
        #expect(page.contains("class=\"state-bad\">Arnsberg Lab / arnsberg-news<br>feeds/b.xml</th>"))
        // A sentence without a German version is shown as it is, escaped, after "Fehler:".
        #expect(page.contains("<td class=\"problem\">Fehler: Something &lt;odd&gt; 'happened' &amp; more</td>"))
        #expect(page.components(separatedBy: "<tr>").count == 2 + 1 + 1)  // header row, two sources
        #expect(page.contains("<tbody>\n<tr>\n<th scope=\"row\""))
        #expect(page.contains("</tr>\n</tbody>"))
        let none = StatusPagePublisher.render(try Self.input([]))
        #expect(none.contains("<tbody>\n</tbody>"))
        #expect(none.contains("Alle 0 Quellen sind in Ordnung."))
    }

    @Test func statusPageNamesCausesInGermanWhileStatusJSONKeepsTheEnglishSentence() throws {
        let cases: [(error: String, status: Int?, german: String)] = [
            ("HTTP 404 Not Found", 404, "Die Adresse gibt es nicht mehr (HTTP 404)."),
            ("HTTP 503 Service Unavailable", 503, "Der Server ist vorübergehend nicht verfügbar (HTTP 503)."),
            ("HTTP 502 Bad Gateway", 502, "Der Server meldet einen Fehler (HTTP 502)."),
            ("HTTP 403 Forbidden", 403, "Der Server verweigert den Zugriff (HTTP 403)."),
            (
                "The server accepted the connection but sent no response within 1.5 s", nil,
                "Der Server hat die Verbindung angenommen, aber innerhalb von 1,5 s nicht geantwortet."
            ),
            (
                "The server sent less than 1000 byte/s for 15 s", nil,
                "Der Server sendet zu langsam (weniger als 1000 Byte/s über 15 s)."
            ),
            ("No complete response within 30 s", nil, "Keine vollständige Antwort innerhalb von 30 s."),
            (
                "Gave up after 5 redirects", nil,
                "Nach 5 Weiterleitungen aufgegeben (eine Schleife oder zu lange Kette)."
            ),
            (
                "Only http and https URLs are allowed (redirect to file:///etc/passwd.1 x)", nil,
                "Nur http- und https-Adressen sind erlaubt; eine Weiterleitung zu etwas anderem wird nicht befolgt "
                    + "(Weiterleitung nach file:///etc/passwd.1 x)."
            ),
            (
                "The response is larger than the limit of 20 MiB", nil,
                "Die Antwort ist größer als die Grenze von 20 MiB."
            ),
            (
                "Could not connect to the server (connection refused or unreachable)", nil,
                "Keine Verbindung zum Server (abgelehnt oder nicht erreichbar)."
            ),
            ("The host name could not be found", nil, "Den Servernamen gibt es nicht (DNS)."),
            (
                "cannot parse http://x.example/feed: not a feed: the root element is <html>", nil,
                "Der Inhalt ist kein lesbarer Feed und kein Kalender (Einzelheiten: not a feed: the root element is <html>)."
            ),
            ("file not found: feeds/a.ics", nil, "Datei nicht gefunden: feeds/a.ics"),
            (
                "file too large: feeds/a.ics has 30000000 bytes, the limit is 20971520", nil,
                "Datei zu groß: feeds/a.ics hat 30000000 Bytes, erlaubt sind 20971520."
            ),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        for (error, status, german) in cases {
            var record = Self.record("soest-events", member: "soest", url: "http://127.0.0.1:9/a.ics", state: .failed)
            record.lastError = error
            record.httpStatus = status
            #expect(GermanProblemText.cause(of: record) == german, "\(error)")
            let input = try Self.input([record])
            #expect(StatusPagePublisher.render(input).contains(HTMLEscape.attribute(german)))
            // status.json keeps the English sentence for scripts.
            let json = String(decoding: try encoder.encode(error), as: UTF8.self)
            #expect(StatusPublisher.render(input).contains("\"lastError\" : \(json)"))
        }
        var held = Self.record("soest-events", member: "soest", url: "http://127.0.0.1:9/a.ics", state: .held)
        held.holdReason =
            "held: 6 of 10 upcoming events (60 %) disappeared in one sync; keeping the last 12 good items "
            + "(run `labnetz sync --accept soest-events` if the change is right)"
        #expect(
            GermanProblemText.cause(of: held)
                == "Zurückgehalten: 6 von 10 kommenden Terminen (60 %) sind auf einmal verschwunden. Die letzten 12 "
                + "guten Einträge bleiben veröffentlicht. Wenn die Änderung stimmt: labnetz sync --accept soest-events")
    }
}
