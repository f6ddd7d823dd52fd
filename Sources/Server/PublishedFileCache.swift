import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps each published file with its ETag until the file is replaced, so a request costs one
/// `stat` instead of a read and a SHA-256. A sync replaces files by rename, which always
/// changes the inode, so a stale entry is never served.
final class PublishedFileCache: Sendable {
    private struct Identity: Equatable {
        var inode: UInt64
        var size: Int64
        var modifiedNanoseconds: Int64
    }

    private let folder: String
    private let entries = Mutex<[String: (Identity, PublishedFile)]>([:])

    init(folder: String) { self.folder = folder }

    /// The file `name` as it is on disk now; nil for unsafe names and anything not a regular file.
    func file(_ name: String) -> PublishedFile? {
        guard PublishedFile.isSafeName(name) else { return nil }
        let path = (folder as NSString).appendingPathComponent(name)
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let identity = Identity(
            inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
        if let (known, file) = entries.withLock({ $0[name] }), known == identity { return file }
        guard let file = PublishedFile.load(name, from: folder) else { return nil }
        entries.withLock { $0[name] = (identity, file) }
        return file
    }
}
