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
                lastError: "HTTP 500 <Internal> 'Error' & more"),
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
        #expect(page.contains("<td class=\"problem\">HTTP 500 &lt;Internal&gt; &#39;Error&#39; &amp; more</td>"))
        #expect(page.components(separatedBy: "<tr>").count == 2 + 1 + 1)  // header row, two sources
        #expect(page.contains("<tbody>\n<tr>\n<th scope=\"row\""))
        #expect(page.contains("</tr>\n</tbody>"))
        let none = StatusPagePublisher.render(try Self.input([]))
        #expect(none.contains("<tbody>\n</tbody>"))
        #expect(none.contains("Alle 0 Quellen sind in Ordnung."))
    }
}
