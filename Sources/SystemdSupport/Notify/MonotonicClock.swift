import Glibc

/// Reads `CLOCK_MONOTONIC`, the clock systemd expects in `MONOTONIC_USEC=` and the one Dispatch
/// uses on Linux for `DispatchTime.uptimeNanoseconds`.
public enum MonotonicClock {
    /// Now on CLOCK_MONOTONIC, in nanoseconds.
    public static func nowNanoseconds() -> UInt64 {
        var spec = timespec()
        // CLOCK_MONOTONIC cannot fail with a valid timespec pointer.
        _ = clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// Now on CLOCK_MONOTONIC, in microseconds (the unit of `MONOTONIC_USEC=`).
    public static func nowMicroseconds() -> UInt64 {
        nowNanoseconds() / 1_000
    }
}
