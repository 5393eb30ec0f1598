/// Decides when to send `WATCHDOG=1`: only at the ping cadence, and only while the scheduler
/// makes progress.
///
/// Pure: no clock reads, no I/O. Times are CLOCK_MONOTONIC nanoseconds from any one origin
/// (``MonotonicClock/nowNanoseconds()`` or `DispatchTime.uptimeNanoseconds`), passed in by the
/// caller. Keep it on the scheduler's own queue: call ``recordProgress(at:)`` whenever one of the
/// scheduler's timers fires, and ``shouldPing(at:)`` from a timer on that same queue. A stuck queue
/// then stops both, the pings stop, and systemd restarts the service. With a sparse roster (agent
/// timers rarer than the ping interval) also run a heartbeat timer on that queue that records
/// progress, or the service would be restarted while healthy.
public struct WatchdogGate: Sendable, Hashable {
    /// Minimum time between two pings, in nanoseconds.
    public let pingIntervalNanoseconds: UInt64
    /// When the last ping was sent (or the gate started), in nanoseconds.
    public private(set) var lastPingAt: UInt64
    /// When progress was last recorded, if ever.
    public private(set) var lastProgressAt: UInt64?
    /// Whether progress was recorded since the last ping.
    public private(set) var hasProgressSinceLastPing: Bool = false

    /// Creates a gate pinging every `pingIntervalNanoseconds`, counting from `startedAt` (systemd
    /// arms the watchdog when the service starts, so the first ping is due one interval later).
    public init(pingIntervalNanoseconds: UInt64, startedAt: UInt64) {
        self.pingIntervalNanoseconds = max(pingIntervalNanoseconds, 1)
        self.lastPingAt = startedAt
    }

    /// Creates a gate at the configuration's cadence, half the watchdog timeout.
    public init(configuration: WatchdogConfiguration, startedAt: UInt64) {
        self.init(pingIntervalNanoseconds: configuration.pingIntervalNanoseconds, startedAt: startedAt)
    }

    /// Notes that the scheduler made progress (one of its timers fired) at `time`.
    public mutating func recordProgress(at time: UInt64) {
        lastProgressAt = time
        hasProgressSinceLastPing = true
    }

    /// Whether `WATCHDOG=1` should be sent now: the ping interval has elapsed since the last ping
    /// and there was progress since then. When it returns `true` the gate counts the ping as sent,
    /// so the caller must send it.
    public mutating func shouldPing(at time: UInt64) -> Bool {
        // A clock that appears to go backwards means "no time elapsed", never an early ping.
        let elapsed = time >= lastPingAt ? time - lastPingAt : 0
        guard elapsed >= pingIntervalNanoseconds, hasProgressSinceLastPing else { return false }
        lastPingAt = time
        hasProgressSinceLastPing = false
        return true
    }
}
