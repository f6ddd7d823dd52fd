import Foundation
import Pipeline
import Synchronization

/// Prints one line per finished source; on a terminal also a live line below them that shows
/// how far the sync is and which sources are being fetched. Cron logs get the plain lines only.
final class ProgressDisplay: Sendable {
    private struct State {
        var done = 0
        var running: [String] = []
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
                state.running.append("\(member)/\(source)")
            case .finished(let result):
                state.done += 1
                state.running.removeAll { $0 == "\(result.member)/\(result.source)" }
                output += SyncCommand.line(result) + "\n"
            }
            if live {
                let names = state.running.prefix(3).joined(separator: ", ")
                let more = state.running.count > 3 ? " +\(state.running.count - 3)" : ""
                let line = "[\(state.done)/\(total)] " + (names.isEmpty ? "" : "fetching \(names)\(more)")
                output += String(line.prefix(78))  // one terminal row, or \r cannot rewrite it
                state.liveShown = true
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }

    /// Clears the live line so the summary starts on a clean line.
    func finish() {
        state.withLock { state in
            if state.liveShown { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
            state.liveShown = false
        }
    }
}
