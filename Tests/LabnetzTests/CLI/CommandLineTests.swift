import Foundation
import Testing

@testable import Pipeline

/// Runs the built `labnetz` binary, as cron and the coordinator do, and checks exit codes and output.
@Suite("labnetz command line", .serialized)
struct CommandLineTests {
    /// The binary sits beside the test bundle in SwiftPM's build folder.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("labnetz")

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A copy of the shipped federation.json and feeds in a scratch folder.
    static func hubFolder() throws -> URL {
        let folder = try RepositoryFiles.temporaryFolder()
        for item in ["federation.json", "feeds"] {
            try FileManager.default.copyItem(
                at: RepositoryFiles.root.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    @Test func theBinaryWasBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "\(Self.binary.path)")
    }

    @Test func checkAcceptsTheShippedFile() throws {
        let folder = try Self.hubFolder()
        let run = try Self.run(["check", "--config", folder.appendingPathComponent("federation.json").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("5 members, 10 sources"))
    }

    @Test func aBadConfigExitsWithCode2ListsEveryProblemAndTouchesNothing() throws {
        let folder = try Self.hubFolder()
        let path = folder.appendingPathComponent("federation.json")
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"role\": \"news\"", with: "\"role\": \"blog\"")
        text = text.replacingOccurrences(of: "\"timeZone\": \"Europe/Berlin\"", with: "\"timeZone\": \"Europe/Soest\"")
        try text.write(to: path, atomically: true, encoding: .utf8)
        for command in ["check", "sync"] {
            let run = try Self.run([command, "--config", path.path])
            #expect(run.status == 2)
            #expect(run.stderr.contains("$.hub.timeZone: unknown IANA time zone \"Europe/Soest\""))
            #expect(run.stderr.contains("$.members[4].sources[1].role: must be \"events\" or \"news\", found \"blog\""))
            #expect(run.stderr.contains("6 problems"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("data").path))
    }

    @Test func syncPrintsALinePerSourceThenRefusesToOverlap() throws {
        let folder = try Self.hubFolder()
        let config = folder.appendingPathComponent("federation.json").path
        let run = try Self.run(["sync", "--config", config, "--now", "2026-11-21T12:00:00Z"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("ok ") }.count == 10)
        #expect(lines.last?.hasPrefix("sync: 10 sources, 10 ok, 0 failed") == true)

        let lock = try #require(
            try SyncLock.acquire(path: folder.appendingPathComponent("data/labnetz.sqlite.lock").path))
        let blocked = try Self.run(["sync", "--config", config])
        #expect(blocked.status == 3)
        #expect(blocked.stderr.contains("another labnetz sync is running"))
        withExtendedLifetime(lock) {}
    }

    /// Two processes hash with different seeds, so any output that leans on Set or Dictionary
    /// order shows up here, where a second render in the same process would hide it.
    @Test func twoSyncProcessesOnFreshStoresWriteTheSameBytes() throws {
        var outputs: [[String: Data]] = []
        for _ in 0..<2 {
            let folder = try Self.hubFolder()
            let run = try Self.run([
                "sync", "--config", folder.appendingPathComponent("federation.json").path, "--now",
                "2026-11-21T12:00:00Z",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            var files: [String: Data] = [:]
            for name in [
                "regional.ics", "regional.json", "news.atom", "news.rss", "news.json", "sources.opml", "index.html",
            ] {
                files[name] = try Data(contentsOf: folder.appendingPathComponent("public/\(name)"))
            }
            outputs.append(files)
        }
        for (name, data) in outputs[0] {
            #expect(outputs[1][name] == data, "\(name) differs between two processes")
        }
    }

    @Test func aBrokenSourceGivesExitCode1AndStillPublishes() throws {
        let folder = try Self.hubFolder()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("feeds/menden/feed.json"))
        let run = try Self.run(["sync", "--config", folder.appendingPathComponent("federation.json").path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("BROKEN  menden/menden-news: file not found: feeds/menden/feed.json"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/regional.ics").path))
        let status = try Self.run(["status", "--config", folder.appendingPathComponent("federation.json").path])
        #expect(status.status == 1, "status exits like sync: some source is broken")
        let row = status.stdout.split(separator: "\n").first { $0.hasPrefix("menden/menden-news") } ?? ""
        #expect(row.contains("broken") && row.contains("file not found: feeds/menden/feed.json"), "\(status.stdout)")
        #expect(status.stdout.hasPrefix("SOURCE"))
    }

    @Test func inspectPrintsTheContractOrAnErrorObject() throws {
        let good = try Self.run([
            "inspect", "--json", RepositoryFiles.root.appendingPathComponent("feeds/soest/veranstaltungen.ics").path,
        ])
        #expect(good.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(good.stdout.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "icalendar")
        let folder = try RepositoryFiles.temporaryFolder()
        let junk = folder.appendingPathComponent("junk.txt")
        try Data("hello".utf8).write(to: junk)
        let bad = try Self.run(["inspect", "--json", junk.path])
        #expect(bad.status != 0)
        let error = try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [String: Any]
        #expect((error?["error"] as? String)?.contains("junk.txt") == true)
    }

    @Test func inspectSummaryReadsAListOfFilesLikeArguments() throws {
        let paths = ["feeds/arnsberg/news.rss", "feeds/iserlohn/blog.atom", "feeds/soest/veranstaltungen.ics"].map {
            RepositoryFiles.root.appendingPathComponent($0).path
        }
        let list = try RepositoryFiles.temporaryFolder().appendingPathComponent("list.txt")
        try Data(paths.joined(separator: "\n").utf8).write(to: list)
        let listed = try Self.run(["inspect", "--summary", "--files-from", list.path])
        let given = try Self.run(["inspect", "--summary"] + paths)
        #expect(listed.status == 0)
        #expect(listed.stdout == given.stdout)
        #expect(listed.stdout.split(separator: "\n").count == 3)
        #expect(listed.stdout.contains(#""format":"rss20""#))
        let missing = try Self.run(["inspect", "--summary", "--files-from", list.path + ".missing"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("cannot read"))
    }
}
