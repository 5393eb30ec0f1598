import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CPU time and memory of one process, read from `/proc/<pid>/stat` and `/proc/<pid>/status`.
struct ProcessSample: Sendable {
    /// utime + stime, in seconds.
    var cpuSeconds: Double
    /// Peak resident set size (`VmHWM`), in bytes.
    var peakRSSBytes: Int
    /// Resident set size now (`VmRSS`), in bytes.
    var rssBytes: Int
    /// When the sample was taken (monotonic seconds).
    var at: Double

    /// Samples process `pid`; `nil` when it is gone.
    static func read(pid: Int32) -> ProcessSample? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name: state is field 3, utime 14, stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return ProcessSample(
            cpuSeconds: (utime + stime) / ticks,
            peakRSSBytes: kilobytes(status, "VmHWM:") * 1024,
            rssBytes: kilobytes(status, "VmRSS:") * 1024,
            at: MonotonicSeconds.now()
        )
    }

    private static func kilobytes(_ status: String, _ field: String) -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            return Int(line.dropFirst(field.count).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0
        }
        return 0
    }
}

/// `CLOCK_MONOTONIC` in seconds.
enum MonotonicSeconds {
    /// Now, in seconds of `CLOCK_MONOTONIC`.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Sleeps until monotonic second `deadline` (at once if it has passed).
    static func sleep(until deadline: Double) {
        while true {
            let left = deadline - now()
            guard left > 0 else { return }
            usleep(UInt32(min(left, 0.5) * 1_000_000))
        }
    }

    /// The wall clock in seconds since 1970 (the stand-in's log uses it).
    static func wallNow() -> Double {
        Date().timeIntervalSince1970
    }
}
