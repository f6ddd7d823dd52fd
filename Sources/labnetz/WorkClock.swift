#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wall and process CPU seconds, for `inspect --timing`: the same two clocks Python's
/// `time.perf_counter` and `time.process_time` read, so both sides are timed alike.
struct WorkClock {
    var wall: Double
    var cpu: Double

    static var now: WorkClock {
        WorkClock(wall: seconds(CLOCK_MONOTONIC), cpu: seconds(CLOCK_PROCESS_CPUTIME_ID))
    }

    /// One line on stderr: `timing: wall 0.123456 cpu 0.120000` (seconds since `start`), with a
    /// label when given: `timing: read wall …`.
    static func report(since start: WorkClock, label: String? = nil) {
        let end = now
        let name = label.map { $0 + " " } ?? ""
        let line = "timing: \(name)wall \(fixed(end.wall - start.wall)) cpu \(fixed(end.cpu - start.cpu))\n"
        var bytes = Array(line.utf8)
        _ = write(2, &bytes, bytes.count)
    }

    private static func seconds(_ clock: clockid_t) -> Double {
        var t = timespec()
        clock_gettime(clock, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Six decimals without Foundation's formatter.
    private static func fixed(_ x: Double) -> String {
        let micros = Int((x * 1e6).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
