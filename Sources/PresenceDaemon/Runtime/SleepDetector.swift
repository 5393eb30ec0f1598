#if canImport(Glibc)
import Glibc
#endif
import PresenceCore

/// Notices a suspend: CLOCK_BOOTTIME keeps counting while the machine sleeps, CLOCK_MONOTONIC
/// (which Dispatch's timers use) does not, so timers "on time" after a resume are in truth
/// minutes late and every agent has gone offline.
struct SleepDetector {
    /// A gain of BOOTTIME over MONOTONIC this large between two checks is a suspend.
    static let threshold: Duration = .seconds(5)
    private var last: (boot: Int64, monotonic: Int64)

    init() {
        last = (Self.read(CLOCK_BOOTTIME), Self.read(CLOCK_MONOTONIC))
    }

    /// How long the machine slept since the last check, if it did.
    mutating func check() -> Duration? {
        let now = (Self.read(CLOCK_BOOTTIME), Self.read(CLOCK_MONOTONIC))
        defer { last = now }
        return Self.sleep(from: last, to: now)
    }

    /// The suspend between two readings of (boot, monotonic) nanoseconds, if any.
    static func sleep(from earlier: (boot: Int64, monotonic: Int64), to later: (boot: Int64, monotonic: Int64)) -> Duration? {
        let gained = Duration.nanoseconds((later.boot - earlier.boot) - (later.monotonic - earlier.monotonic))
        return gained >= threshold ? gained : nil
    }

    private static func read(_ clock: clockid_t) -> Int64 {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}
