/// When to retry a failed ping: full-jitter exponential backoff, inside the tick and inside
/// the presence window.
///
/// Attempt `n` (1 for the first retry) waits `uniform(0, min(cap, base·2^n))`: the jitter
/// spreads the retries of many agents failing together, the cap keeps a retry soon enough to
/// matter. While the agent is online, the bound also shrinks to a quarter of the time left
/// before its presence lapses: an agent at risk gets many short tries instead of a few long
/// waits (with half of all pings failing, eight tries in the window still lose about one agent
/// in 250 per interval; thirty lose none). The shared ``RetryBudget``, not the backoff, keeps
/// an outage from becoming a storm. A retry never starts after the agent's next tick is due
/// (the tick is the next try anyway), nor when it could not finish before the presence lapses.
public struct RetryPolicy: Hashable, Sendable {
    /// The backoff's base.
    public var base: Duration
    /// The longest backoff.
    public var cap: Duration
    /// Whether waits are drawn at random (full jitter) and shrink near the presence deadline.
    /// Off only to compare with plain exponential backoff in the fault runs.
    public var jittered: Bool

    /// Creates a policy; the defaults are base 1 s, cap 20 s, full jitter.
    public init(base: Duration = .seconds(1), cap: Duration = .seconds(20), jittered: Bool = true) {
        self.base = base
        self.cap = cap
        self.jittered = jittered
    }

    /// The upper bound of retry `attempt`'s backoff: `min(cap, base·2^attempt)`.
    public func bound(attempt: Int) -> Duration {
        let exponent = min(max(attempt, 0), 30)
        let scaled = base.nanoseconds.multipliedReportingOverflow(by: Int64(1) << exponent)
        return scaled.overflow ? cap : min(cap, .nanoseconds(scaled.partialValue))
    }

    /// A backoff for retry `attempt`, uniform in `[0, bound(attempt)]`.
    public func backoff(attempt: Int, using random: inout some RandomNumberGenerator) -> Duration {
        draw(upTo: bound(attempt: attempt), using: &random)
    }

    private func draw(upTo upper: Duration, using random: inout some RandomNumberGenerator) -> Duration {
        upper > .zero ? .nanoseconds(Int64.random(in: 0...upper.nanoseconds, using: &random)) : .zero
    }

    /// When retry `attempt` should start, or `nil` when it should not happen at all.
    ///
    /// - Parameters:
    ///   - failedAt: when the failed attempt ended.
    ///   - nextTickAt: when the agent's next regular ping is due.
    ///   - presenceDeadline: when the agent's presence lapses (last success + window); `nil`
    ///     for an agent that never succeeded, whose retries are bounded by the tick alone. Once
    ///     the deadline has passed no retry fits: a lapsed agent goes back to its cadence.
    ///   - timeout: one attempt's deadline; the attempt must be able to finish in time.
    public func retryTime(
        attempt: Int,
        failedAt: MonotonicTime,
        nextTickAt: MonotonicTime,
        presenceDeadline: MonotonicTime?,
        timeout: Duration,
        using random: inout some RandomNumberGenerator
    ) -> MonotonicTime? {
        var upper = bound(attempt: attempt)
        if jittered, let presenceDeadline {
            let left = presenceDeadline - timeout - failedAt
            guard left > .zero else { return nil }
            upper = min(upper, max(left / 4, base / 4))
        }
        let start = failedAt + (jittered ? draw(upTo: upper, using: &random) : upper)
        guard start < nextTickAt else { return nil }
        if let presenceDeadline, start + timeout > presenceDeadline { return nil }
        return start
    }
}
