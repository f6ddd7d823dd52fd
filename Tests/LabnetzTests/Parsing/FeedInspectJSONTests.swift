import Foundation
import Testing

@testable import Parsing

struct FeedInspectJSONTests {
    @Test func rendersTheContractExample() throws {
        let xml = """
            <rss version="2.0"><channel>
              <title>stadtLABOR Soest</title><link>https://soest.example.org/</link>
              <description>Neuigkeiten aus dem Lab</description><language>de</language>
              <item>
                <title>Repair-Café am Samstag</title><link>https://soest.example.org/repair-cafe</link>
                <guid isPermaLink="false">soest-42</guid><pubDate>Sat, 07 Jun 2025 10:00:00 +0200</pubDate>
                <author>team@soest.example.org (Lab-Team)</author><category>Workshop</category>
                <description>&lt;p&gt;Bring kaputte Geräte mit!&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description>
                <enclosure url="https://soest.example.org/flyer.pdf" length="12345" type="application/pdf"/>
              </item>
            </channel></rss>
            """
        let feed = try XMLFeedParser.parse(Data(xml.utf8), baseURL: nil, contentType: nil).get()
        let json = FeedInspectJSON.render(feed)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "rss20")
        #expect(object["bozo"] as? Bool == false)
        #expect(object["encoding"] as? String == "utf-8")
        #expect(object["subtitle"] as? String == "Neuigkeiten aus dem Lab")
        #expect(object["id"] is NSNull)
        #expect(object["updated"] is NSNull)
        let entries = try #require(object["entries"] as? [[String: Any]])
        let e = try #require(entries.first)
        #expect(e["id"] as? String == "soest-42")
        #expect(e["published"] as? String == "2025-06-07T08:00:00Z")
        #expect(e["summary"] as? String == "<p>Bring kaputte Geräte mit!</p>")
        #expect((e["content"] as? [Any])?.isEmpty == true)
        let authors = try #require(e["authors"] as? [[String: Any]])
        #expect(authors.first?["name"] as? String == "Lab-Team")
        #expect(authors.first?["email"] as? String == "team@soest.example.org")
        let enclosures = try #require(e["enclosures"] as? [[String: Any]])
        #expect(enclosures.first?["length"] as? String == "12345")
        let links = try #require(e["links"] as? [[String: Any]])
        #expect(links.map { $0["rel"] as? String } == ["alternate", "enclosure"])
        // Exactly one object, keys sorted.
        #expect(json.hasPrefix("{\"authors\""))
        #expect(json.hasSuffix("}"))
    }
}
