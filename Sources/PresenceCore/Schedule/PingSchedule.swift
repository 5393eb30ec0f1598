/// Where an agent's pings fall in time: a stable phase on a fixed grid, plus fresh jitter.
///
/// Tick `k` of an agent is due at `origin + phase + k·interval + jitter_k`. The grid never
/// moves, so jitter never accumulates and the long-run rate is exactly one ping per interval;
/// a late timer skips to the next grid point instead of replaying missed ticks.
public struct PingSchedule: Hashable, Sendable {
    /// The grid's zero: the scheduler's start.
    public var origin: MonotonicTime
    /// Time between two ticks of one agent.
    public var interval: Duration
    /// The bound of each tick's random offset.
    public var jitter: Duration

    /// Creates a schedule.
    public init(origin: MonotonicTime, interval: Duration, jitter: Duration) {
        self.origin = origin
        self.interval = interval
        self.jitter = jitter
    }

    /// The agent's stable phase in `[0, interval)`, from a process-independent hash of its key.
    public func phase(of key: AgentKey) -> Duration {
        .nanoseconds(Int64(StableHash.unitInterval(key.rawValue) * Double(interval.nanoseconds)))
    }

    /// The grid time of tick `tick` for an agent on `phase`.
    public func gridTime(phase: Duration, tick: Int64) -> MonotonicTime {
        origin + phase + .nanoseconds(tick &* interval.nanoseconds)
    }

    /// The first tick whose grid time is at or after `time`.
    public func firstTick(atOrAfter time: MonotonicTime, phase: Duration) -> Int64 {
        let offset = (time - origin - phase).nanoseconds
        let step = interval.nanoseconds
        guard offset > 0 else { return 0 }
        return (offset + step - 1) / step
    }

    /// The earliest grid time the tick after a ping at `lastPing` may take.
    ///
    /// Half an interval plus the jitter bound keeps two pings of one agent at least half an
    /// interval apart whatever the next jitter draw is.
    public func earliestNextGrid(afterPingAt lastPing: MonotonicTime) -> MonotonicTime {
        lastPing + interval / 2 + jitter
    }

    /// The tick to use after the agent pinged at `lastPing` on tick `lastTick` (or never), at `now`.
    ///
    /// It is the next tick on the grid, or later when the timer was late (missed ticks are
    /// skipped, never replayed) or when the last ping was an off-grid one such as the first.
    public func nextTick(after lastTick: Int64?, lastPing: MonotonicTime?, now: MonotonicTime, phase: Duration) -> Int64 {
        var earliest = now
        if let lastPing { earliest = max(earliest, earliestNextGrid(afterPingAt: lastPing)) }
        let candidate = firstTick(atOrAfter: earliest, phase: phase)
        guard let lastTick else { return candidate }
        return max(lastTick + 1, candidate)
    }

    /// Tick `tick`'s jitter for `key`, uniform in `±jitter`, drawn from `seed`.
    ///
    /// A hash of the process's random seed, the key and the tick rather than a shared generator:
    /// each tick still gets a fresh, unpredictable offset, but adding or removing other agents
    /// cannot change this agent's draws, so a reload leaves unchanged agents' times untouched.
    public func jitterOffset(for key: AgentKey, tick: Int64, seed: UInt64) -> Duration {
        let bound = jitter.nanoseconds
        guard bound > 0 else { return .zero }
        let bits = StableHash.mix(key.stableHash ^ StableHash.mix(seed &+ UInt64(bitPattern: tick)))
        let unit = Double(bits >> 11) / Double(UInt64(1) << 53)
        return .nanoseconds(Int64((unit * 2 - 1) * Double(bound)))
    }

    /// The time tick `tick` of an agent on `phase` is due, jitter included.
    public func dueTime(of key: AgentKey, phase: Duration, tick: Int64, seed: UInt64) -> MonotonicTime {
        gridTime(phase: phase, tick: tick) + jitterOffset(for: key, tick: tick, seed: seed)
    }

    /// How far after a start (or a reload) an agent's first ping goes out.
    ///
    /// The agents spread over `window` in phase order, so a roster never fires in one burst and
    /// each agent's first ping lands close to where its grid will continue.
    public func startupOffset(of key: AgentKey, window: Duration) -> Duration {
        .nanoseconds(Int64(StableHash.unitInterval(key.rawValue) * Double(window.nanoseconds)))
    }

    /// The window over which `count` agents' first pings spread: a few seconds for a small
    /// roster, at most 1,000 first pings a second for a large one, never past half an interval.
    public func startupWindow(agentCount count: Int) -> Duration {
        let wanted = max(Duration.seconds(3), .milliseconds(Int64(count)))
        return min(wanted, interval / 2)
    }

    /// The leeway given to each timer so the kernel can coalesce wake-ups.
    public var timerLeeway: Duration {
        min(.milliseconds(20), interval / 500)
    }
}
