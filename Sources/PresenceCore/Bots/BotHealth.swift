/// What the probes have shown of one bot: up, down or not known yet, with the hysteresis of
/// `down_after` / `up_after` and the counters a status report shows.
///
/// Pure: the prober feeds it outcomes with their times and acts on the state it returns.
public struct BotHealth: Hashable, Sendable {
    /// The bot's state as its agents see it.
    public enum State: String, Hashable, Sendable {
        /// No verdict yet (just started, or its settings changed): its agents wait.
        case unknown
        /// Its last probes were good: its agents are wanted online.
        case up
        /// It failed `down_after` probes in a row: its agents are held offline.
        case down
    }

    /// The state now.
    public private(set) var state: State = .unknown
    /// When ``state`` began.
    public private(set) var since: MonotonicTime
    /// Failed probes in a row (0 after a good one).
    public private(set) var consecutiveFailures = 0
    /// Good probes in a row (0 after a failed one).
    public private(set) var consecutiveSuccesses = 0
    /// Good probes since the start.
    public private(set) var probesOK = 0
    /// Failed probes since the start.
    public private(set) var probesFailed = 0
    /// When the last probe completed.
    public private(set) var lastProbeAt: MonotonicTime?
    /// When the last good probe completed.
    public private(set) var lastOKAt: MonotonicTime?
    /// The last failure's summary, kept after later good probes.
    public private(set) var lastError: String?
    /// The last probe's latency, when an answer arrived.
    public private(set) var latency: Duration?

    /// A bot not probed yet, as of `now`.
    public init(since now: MonotonicTime) {
        since = now
    }

    /// Whether the bot's agents are wanted online.
    public var isUp: Bool { state == .up }

    /// Counts `outcome`, completed at `now`; returns the new state when it changed.
    ///
    /// A bot not known yet is up at its first good probe (its agents waited for it) and down
    /// after `downAfter` failures; a known one changes only after `downAfter` failures or
    /// `upAfter` good probes in a row.
    @discardableResult
    public mutating func record(_ outcome: ProbeOutcome, at now: MonotonicTime, downAfter: Int, upAfter: Int) -> State? {
        lastProbeAt = now
        if outcome.failure == nil || outcome.status != nil { latency = outcome.latency }
        if let failure = outcome.failure {
            probesFailed += 1
            consecutiveFailures += 1
            consecutiveSuccesses = 0
            lastError = failure.summary
            return consecutiveFailures >= max(1, downAfter) && state != .down ? change(to: .down, at: now) : nil
        }
        probesOK += 1
        consecutiveSuccesses += 1
        consecutiveFailures = 0
        lastOKAt = now
        switch state {
        case .unknown: return change(to: .up, at: now)
        case .down: return consecutiveSuccesses >= max(1, upAfter) ? change(to: .up, at: now) : nil
        case .up: return nil
        }
    }

    private mutating func change(to new: State, at now: MonotonicTime) -> State {
        state = new
        since = now
        return new
    }
}
