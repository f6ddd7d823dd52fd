import FeedModel
import Foundation
import Testing

@testable import Storage

@Suite("SQLite store")
struct HubStoreTests {
    static let source = SourceIdentity(id: "soest-events", member: "soest", url: "feeds/soest.ics", role: "events")
    static func event(_ uid: String, _ title: String) -> Event {
        Event(uid: uid, title: title, start: .allDay(CivilDate(year: 2026, month: 12, day: 5)))
    }
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func keepsFirstSeenAndTracksChangesAndRemovals() throws {
        let folder = try RepositoryFiles.temporaryFolder()
        let store = try HubStore(path: folder.appendingPathComponent("data/hub.sqlite").path)
        try store.recordSuccess(
            Self.source, events: [Self.event("a", "Repair-Café"), Self.event("b", "Lesung")], articles: [],
            format: "icalendar", warnings: [], httpStatus: nil, validators: .init(contentHash: "h1"), parserVersion: 1,
            now: Self.t0)
        let t1 = Self.t0.addingTimeInterval(900)
        try store.recordSuccess(
            Self.source, events: [Self.event("a", "Repair-Café (neu)")], articles: [], format: "icalendar",
            warnings: ["line 3: bad DTEND"], httpStatus: 200, validators: .init(etag: "\"v2\"", contentHash: "h2"),
            parserVersion: 1, now: t1)
        let events = try store.events(sourceIDs: ["soest-events"])
        #expect(events.map(\.payload.uid) == ["a"])
        #expect(events[0].firstSeen == Self.t0)
        #expect(events[0].lastChanged == t1)
        let record = try #require(try store.source(id: "soest-events"))
        #expect(record.state == .ok)
        #expect(record.etag == "\"v2\"")
        #expect(record.itemCount == 1)
        #expect(record.warnings == ["line 3: bad DTEND"])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aFailureKeepsTheLastGoodItems() throws {
        let folder = try RepositoryFiles.temporaryFolder()
        let path = folder.appendingPathComponent("hub.sqlite").path
        let store = try HubStore(path: path)
        try store.recordSuccess(
            Self.source, events: [Self.event("a", "Repair-Café")], articles: [], format: "icalendar", warnings: [],
            httpStatus: 200, validators: .init(etag: "\"v1\"", lastModified: "Sat, 21 Nov 2026 10:00:00 GMT"),
            parserVersion: 1, now: Self.t0)
        try store.recordFailure(
            Self.source, error: "HTTP 500 Internal Server Error", httpStatus: 500, now: Self.t0 + 60)
        // A second process opening the same file sees the same state: it is a real file.
        let reopened = try HubStore(path: path)
        #expect(try reopened.events(sourceIDs: ["soest-events"]).map(\.payload.title) == ["Repair-Café"])
        let record = try #require(try reopened.source(id: "soest-events"))
        #expect(record.state == .failed)
        #expect(record.lastError == "HTTP 500 Internal Server Error")
        #expect(record.lastSuccess == Self.t0)
        #expect(record.etag == "\"v1\"")
        #expect(record.httpStatus == 500)
    }

    @Test func mergedIdentitiesPersist() throws {
        let folder = try RepositoryFiles.temporaryFolder()
        let path = folder.appendingPathComponent("hub.sqlite").path
        try HubStore(path: path).saveMergedIdentities(
            ["soest-events/a": "u1@hub", "arnsberg-events/b": "u1@hub"], now: Self.t0)
        #expect(
            try HubStore(path: path).mergedIdentities() == ["soest-events/a": "u1@hub", "arnsberg-events/b": "u1@hub"])
    }
}
