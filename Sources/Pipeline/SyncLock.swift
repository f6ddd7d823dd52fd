import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps two syncs from running at once, with an exclusive `flock` on `<database>.lock`.
///
/// The kernel drops the lock when its process dies, so a sync killed by cron or SIGKILL never
/// blocks the next one. The file holds the holder's pid while it runs and is emptied on a clean
/// exit: a pid found there on acquiring means the last run was killed, and the lock is taken over.
public final class SyncLock: Sendable {
    private let descriptor: Int32
    public let path: String
    /// The pid of an earlier run that died holding the lock; nil after a clean exit.
    public let takenOverFrom: Int32?

    private init(descriptor: Int32, path: String, takenOverFrom: Int32?) {
        self.descriptor = descriptor
        self.path = path
        self.takenOverFrom = takenOverFrom
    }

    /// The lock, or nil when another live process holds it.
    public static func acquire(path: String) throws -> SyncLock? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        let stale =
            count > 0
            ? Int32(
                String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)) : nil
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        fsync(fd)
        return SyncLock(descriptor: fd, path: path, takenOverFrom: stale)
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
