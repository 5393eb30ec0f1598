/// A real fixed-window counter: `limit` requests per window, windows aligned on `origin`.
struct FixedWindowCounter: Sendable {
    /// The counter's state as the `x-sib-ratelimit-*` headers report it.
    struct Snapshot: Sendable, Equatable {
        var limit: Int
        var remaining: Int
        /// Time until the current window ends.
        var reset: Duration
    }

    let limit: Int
    let window: Duration
    let origin: UInt64
    private var windowIndex: Int64 = -1
    private var used = 0

    init(limit: Int, window: Duration, originNanoseconds: UInt64) {
        self.limit = max(0, limit)
        self.window = max(window, .milliseconds(1))
        self.origin = originNanoseconds
    }

    /// The counter of a plan's `rule`, its windows starting at `originNanoseconds`.
    init(_ rule: FaultPlan.RateLimit, originNanoseconds: UInt64) {
        self.init(limit: rule.limit, window: rule.window, originNanoseconds: originNanoseconds)
    }

    /// Spends one request if the window has budget left; reports whether it was allowed.
    mutating func consume(at now: UInt64) -> (allowed: Bool, snapshot: Snapshot) {
        roll(to: now)
        let allowed = used < limit
        if allowed { used += 1 }
        return (allowed, snapshot(at: now))
    }

    /// The state without spending anything.
    mutating func peek(at now: UInt64) -> Snapshot {
        roll(to: now)
        return snapshot(at: now)
    }

    private mutating func roll(to now: UInt64) {
        let index = Int64(elapsed(now) / windowNanoseconds)
        if index != windowIndex {
            windowIndex = index
            used = 0
        }
    }

    private func snapshot(at now: UInt64) -> Snapshot {
        let intoWindow = elapsed(now) % windowNanoseconds
        let reset = Duration.nanoseconds(Int64(windowNanoseconds - intoWindow))
        return Snapshot(limit: limit, remaining: max(0, limit - used), reset: reset)
    }

    private func elapsed(_ now: UInt64) -> UInt64 { now >= origin ? now - origin : 0 }

    private var windowNanoseconds: UInt64 {
        let (seconds, attoseconds) = window.components
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
