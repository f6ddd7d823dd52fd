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
        var tally = SyncProgressTally()
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
            if case .finished(let result) = progress { output += SyncCommand.line(result) + "\n" }
            if live {
                state.tally.record(progress)
                output += state.tally.line(total: total)  // one terminal row, or \r cannot rewrite it
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
