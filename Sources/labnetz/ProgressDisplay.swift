import Foundation
import Pipeline
import Synchronization

/// Prints one line per finished source; on a terminal also a live line below them that shows
/// how far the sync is and which sources are being fetched. Cron logs get the plain lines only,
/// written in blocks (at least every quarter second) rather than with a system call per line,
/// which for a thousand sources that answer 304 at once was a noticeable part of the sync.
final class ProgressDisplay: Sendable {
    private struct State {
        var pending = ""
        var lastFlush = ContinuousClock.now
        var done = 0
        /// Sources in flight, by the order they started (a list was quadratic for 1,000 sources).
        var running: [String: Int] = [:]
        var started = 0
        var liveShown = false
    }

    private let total: Int
    private let live: Bool
    private let state = Mutex(State())

    init(total: Int, live: Bool) {
        self.total = total
        self.live = live
    }

    func show(_ progress: SyncProgress) {
        state.withLock { state in
            var output = ""
            if state.liveShown { output += "\r\u{1B}[K" }
            switch progress {
            case .started(let member, let source):
                state.running["\(member)/\(source)"] = state.started
                state.started += 1
            case .finished(let result):
                state.done += 1
                state.running["\(result.member)/\(result.source)"] = nil
                output += SyncCommand.line(result) + "\n"
            }
            if live {
                let names = Self.oldest(3, of: state.running).joined(separator: ", ")
                let more = state.running.count > 3 ? " +\(state.running.count - 3)" : ""
                let line = "[\(state.done)/\(total)] " + (names.isEmpty ? "" : "fetching \(names)\(more)")
                output += String(line.prefix(78))  // one terminal row, or \r cannot rewrite it
                state.liveShown = true
            }
            guard !output.isEmpty else { return }
            if live {
                FileHandle.standardOutput.write(Data(output.utf8))
                return
            }
            state.pending += output
            let now = ContinuousClock.now
            if state.pending.utf8.count >= Self.blockBytes || now - state.lastFlush >= Self.blockInterval {
                FileHandle.standardOutput.write(Data(state.pending.utf8))
                state.pending = ""
                state.lastFlush = now
            }
        }
    }

    private static let blockBytes = 16 * 1024
    private static let blockInterval = Duration.milliseconds(250)

    /// The `count` earliest-started names, in starting order, in one pass.
    static func oldest(_ count: Int, of running: [String: Int]) -> [String] {
        var picked: [(name: String, order: Int)] = []
        for (name, order) in running where picked.count < count || order < picked[picked.count - 1].order {
            picked.append((name, order))
            picked.sort { $0.order < $1.order }
            if picked.count > count { picked.removeLast() }
        }
        return picked.map(\.name)
    }

    /// Clears the live line so the summary starts on a clean line.
    func finish() {
        state.withLock { state in
            if !state.pending.isEmpty { FileHandle.standardOutput.write(Data(state.pending.utf8)) }
            state.pending = ""
            if state.liveShown { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
            state.liveShown = false
        }
    }
}
