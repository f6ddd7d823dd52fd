import Foundation

/// Writes every published file into publishDir atomically: each file is written aside,
/// flushed, then renamed over the old one, so a reader never sees half a file.
public enum HubPublisher {
    /// File names in publishDir and the renderer of each, in writing order.
    static let files: [(name: String, render: @Sendable (PublishInput) -> String)] = [
        ("regional.ics", ICSPublisher.render),
        ("regional.json", JSONFeedPublisher.renderEvents),
        ("news.atom", AtomPublisher.render),
        ("news.rss", RSSPublisher.render),
        ("news.json", JSONFeedPublisher.renderNews),
        ("sources.opml", OPMLPublisher.render),
        ("index.html", AgendaPublisher.render),
        ("status.json", StatusPublisher.render),
        ("status.html", StatusPagePublisher.render),
    ]

    public static var fileNames: [String] { files.map(\.name) }

    /// The files that only describe the sources' state; everything else depends on the items alone.
    static let statusFileNames: Set<String> = ["status.json", "status.html"]

    /// Rewrites only status.json and status.html (the items did not change); returns the paths written.
    @discardableResult
    public static func publishStatus(_ input: PublishInput) throws -> [String] {
        try write(files.filter { statusFileNames.contains($0.name) }, input)
    }

    /// Renders everything first, then replaces the files; returns the paths written.
    @discardableResult
    public static func publish(_ input: PublishInput) throws -> [String] {
        try write(files, input)
    }

    private static func write(
        _ files: [(name: String, render: @Sendable (PublishInput) -> String)], _ input: PublishInput
    ) throws -> [String] {
        let folder = input.hub.publishDir
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let rendered = files.map { ($0.name, $0.render(input)) }
        var written: [String] = []
        for (name, text) in rendered {
            let path = (folder as NSString).appendingPathComponent(name)
            try AtomicFile.write(Data(text.utf8), to: path)
            written.append(path)
        }
        return written
    }
}

/// Replaces a file by writing a sibling temporary file and renaming it over the target.
public enum AtomicFile {
    /// Writes `data` to `path` so a reader sees the old file or the whole new one, never a mix.
    ///
    /// Plain POSIX calls: Foundation's `createFile` already wrote through a temporary file of its
    /// own and renamed it, so every published file was written, synced and renamed twice.
    public static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary]) }
        var written = data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        // On disk before the rename, or a crash could leave an empty file under the real name.
        if written { written = fsync(fd) == 0 }
        close(fd)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
