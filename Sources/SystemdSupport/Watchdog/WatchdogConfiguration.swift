import CSystemd

/// The service watchdog systemd asked for (`WatchdogSec=`), if any.
///
/// systemd passes `WATCHDOG_USEC` (and `WATCHDOG_PID`); `sd_watchdog_enabled` checks that the PID
/// is ours, so a child process that inherited the variables does not think it must ping.
public struct WatchdogConfiguration: Sendable, Hashable {
    /// The watchdog timeout in microseconds, as systemd gave it.
    public let timeoutMicroseconds: UInt64

    /// Creates a configuration for a timeout; `nil` for a zero timeout (watchdog off).
    public init?(timeoutMicroseconds: UInt64) {
        guard timeoutMicroseconds > 0 else { return nil }
        self.timeoutMicroseconds = timeoutMicroseconds
    }

    /// Reads `sd_watchdog_enabled(0, …)`: `nil` when the watchdog is off, meant for another
    /// process, or the variables are malformed. The environment is left untouched.
    public static func fromEnvironment() -> WatchdogConfiguration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0 else { return nil }
        return WatchdogConfiguration(timeoutMicroseconds: microseconds)
    }

    /// The timeout after which systemd considers the service hung.
    public var timeout: Duration {
        .microseconds(Int64(clamping: timeoutMicroseconds))
    }

    /// How often to send `WATCHDOG=1`: half the timeout, as sd_watchdog_enabled(3) recommends.
    public var pingInterval: Duration {
        .nanoseconds(Int64(clamping: pingIntervalNanoseconds))
    }

    /// ``pingInterval`` in nanoseconds, the unit ``WatchdogGate`` works in.
    public var pingIntervalNanoseconds: UInt64 {
        timeoutMicroseconds.multipliedReportingOverflow(by: 1_000).overflow
            ? UInt64.max / 2
            : timeoutMicroseconds * 1_000 / 2
    }
}
