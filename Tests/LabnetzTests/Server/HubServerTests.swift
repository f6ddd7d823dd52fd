import Foundation
import HummingbirdTesting
import Testing

@testable import Server

@Suite("labnetz serve")
struct HubServerTests {
    static func publishDir() throws -> String {
        let folder = try RepositoryFiles.temporaryFolder()
        try Data("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8).write(to: folder.appendingPathComponent("regional.ics"))
        try Data("<!DOCTYPE html><html lang=\"de\"></html>\n".utf8).write(
            to: folder.appendingPathComponent("index.html"))
        try Data("secret".utf8).write(to: folder.appendingPathComponent(".hidden"))
        return folder.path
    }

    @Test func servesFilesWithStrongETagLastModifiedAnd304() async throws {
        let app = HubServer.application(publishDir: try Self.publishDir(), host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in
            let (etag, modified) = try await client.execute(uri: "/regional.ics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(String(buffer: response.body) == "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
                let etag = try #require(response.headers[.eTag])
                #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
                return (etag, try #require(response.headers[.lastModified]))
            }
            try await client.execute(uri: "/regional.ics", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/regional.ics", method: .get, headers: [.ifNoneMatch: "\"other\""]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/regional.ics", method: .get, headers: [.ifModifiedSince: modified]) {
                #expect($0.status == .notModified)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
        }
    }

    @Test func aRepublishedFileIsServedWithItsNewETag() async throws {
        let folder = try Self.publishDir()
        let app = HubServer.application(publishDir: folder, host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in
            let first = try await client.execute(uri: "/regional.ics", method: .get) { $0.headers[.eTag] }
            // The same size and the same second: only the replacement by rename tells them apart.
            let path = (folder as NSString).appendingPathComponent("regional.ics")
            try Data("BEGIN:VCALENDAR\r\nEND:VCALENDAX\r\n".utf8).write(to: URL(fileURLWithPath: path + ".new"))
            #expect(rename(path + ".new", path) == 0)
            try await client.execute(uri: "/regional.ics", method: .get, headers: [.ifNoneMatch: first ?? ""]) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != first)
                #expect(String(buffer: response.body).contains("VCALENDAX"))
            }
        }
    }

    @Test(arguments: ["/.hidden", "/..%2Ffederation.json", "/missing.ics", "/%2e%2e/%2e%2e/etc/passwd"])
    func refusesAnythingButPublishedFiles(_ uri: String) async throws {
        let app = HubServer.application(publishDir: try Self.publishDir(), host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound || response.status == .badRequest)
                #expect(!String(buffer: response.body).contains("secret"))
            }
        }
    }

    @Test func healthzSaysWhetherAnythingIsPublished() async throws {
        let empty = try RepositoryFiles.temporaryFolder().path
        try await HubServer.application(publishDir: empty, host: "127.0.0.1", port: 0).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .serviceUnavailable) }
        }
        try await HubServer.application(publishDir: try Self.publishDir(), host: "127.0.0.1", port: 0).test(.router) {
            client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }
}
