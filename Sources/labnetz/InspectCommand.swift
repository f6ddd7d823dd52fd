import ArgumentParser
import FeedModel
import Foundation
import Parsing

/// `labnetz inspect --json FILE`: prints what the parser reads from one document.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Parse one feed or calendar file and print what was read (the conformance contract).")

    @Flag(name: .long, help: "Print JSON (the only output form so far).")
    var json = false

    @Option(name: .long, help: "The document's URL: the base for relative links.")
    var baseURL: String?

    @Option(name: .long, help: "The HTTP Content-Type the document was served with.")
    var contentType: String?

    @Option(name: .long, help: "First day of the occurrence window (YYYY-MM-DD).")
    var from: String?

    @Option(name: .long, help: "Last day of the occurrence window (YYYY-MM-DD), inclusive.")
    var to: String?

    @Option(name: .long, help: "Print at most this many occurrences.")
    var limit: Int?

    @Flag(name: .long, help: .hidden)
    var summary = false

    /// With `--summary`: a file listing the documents, one path a line (`-`: standard input).
    /// Thousands of paths as arguments cost ArgumentParser quadratic time; a list does not.
    @Option(name: .long, help: .hidden)
    var filesFrom: String?

    /// Benchmarks: print to standard error the wall and CPU seconds of the work, start-up and
    /// argument parsing left out (the scope in which the Python peers are timed): one file's
    /// parse, expansion and JSON once it is in memory, or, with `--summary`, parsing every file
    /// and writing its summary line; with several files they are read into memory first, and the
    /// reading is reported on a line of its own.
    @Flag(name: .long, help: .hidden)
    var timing = false

    @Argument(help: "The file to read.")
    var files: [String] = []

    var file: String { files[0] }

    func validate() throws {
        if filesFrom != nil, !summary { throw ValidationError("--files-from goes with --summary") }
        if files.isEmpty, filesFrom == nil { throw ValidationError("name the file to read") }
        if !summary, files.count > 1 { throw ValidationError("inspect reads one file") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        for day in [from, to].compactMap({ $0 }) where Self.civilDate(day) == nil {
            throw ValidationError("not a date in the form YYYY-MM-DD: \(day)")
        }
    }

    func run() throws {
        if summary { return try runSummary() }
        // Mapped, not read: the parser looks at each byte about once, so a copy buys nothing.
        guard
            let data = (try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped))
                ?? FileManager.default.contents(atPath: file)
        else {
            emitError("cannot read \(file)")
            throw ExitCode(1)
        }
        var window: InspectWindow?
        if let from = from.flatMap(Self.civilDate), let to = to.flatMap(Self.civilDate) {
            window = InspectWindow(from: from, to: to)
        }
        let started = WorkClock.now
        let answer = DocumentParser.inspectBytes(
            data, baseURL: baseURL, contentType: contentType, window: window, limit: limit)
        if timing { WorkClock.report(since: started) }
        switch answer {
        case .success(var bytes):
            bytes.append(0x0A)
            // Written in place: a big calendar's answer is ~10 MB, not worth a copy.
            bytes.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                FileHandle.standardOutput.write(Data(bytesNoCopy: base, count: buffer.count, deallocator: .none))
            }
        case .failure(let failure):
            emitError("\(file): \(failure)")
            throw ExitCode(1)
        }
    }

    /// One line of counts per file, the entries streamed and not kept (benchmarks, huge feeds).
    private func runSummary() throws {
        var failed = false
        var paths = files
        if let list = filesFrom {
            let data =
                list == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: list)
            guard let data else {
                emitError("cannot read \(list)")
                throw ExitCode(1)
            }
            // Split on line-feed and carriage-return bytes: a Character-wise split cost more than reading a
            // small file, and Data's own split several times an Array's.
            paths += [UInt8](data).split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).map {
                String(decoding: $0, as: UTF8.self)
            }
        }
        // With --timing and several files (benchmarks), every file that is read whole anyway is read
        // into memory first, timed on a line of its own (`timing: read …`), and the main figure times
        // the parsing alone: the scope the Python peers are timed in (their files are in memory before
        // their clock starts). A file too large to be read whole is still read while it is parsed.
        var loaded: [[UInt8]?] = []
        if timing, paths.count > 1 {
            let reading = WorkClock.now
            loaded = paths.map { DocumentSummary.load(path: $0) }
            WorkClock.report(since: reading, label: "read")
        }
        // Around the whole loop: writing the summary lines is counted too, which keeps the figure
        // on the safe side and spares a clock read per file.
        let started = WorkClock.now
        // Read once: each read of an @Option property looks up its generic metadata.
        let contentType = contentType
        var output = StandardOutputLines()
        for (index, path) in paths.enumerated() {
            let result =
                index < loaded.count
                ? loaded[index].map { DocumentSummary.summary(of: $0, contentType: contentType) }
                : nil
            switch result ?? DocumentSummary.read(path: path, contentType: contentType) {
            case .success(let summary): output.line { summary.appendJSON(to: &$0) }
            case .failure(let failure):
                output.line(DocumentSummary.errorJSON("\(path): \(failure)"))
                failed = true
            }
        }
        output.flush()
        if timing { WorkClock.report(since: started) }
        if failed { throw ExitCode(1) }
    }

    private func emitError(_ message: String) {
        print(DocumentSummary.errorJSON(message))
    }

    static func civilDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
            return nil
        }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }
}
