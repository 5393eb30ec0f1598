extension StandInEngine {
    /// What a per-key fault makes of one request.
    struct KeyVerdict {
        /// The status the fault answers; `nil` lets the request through.
        var status: Int?
        /// The delay `Retry-After` announces when the plan gives none.
        var naturalRetry: Duration?
        /// The rate window the answer reports.
        var window: FixedWindowCounter.Snapshot?
        /// Whether the answer carries `x-sib-ratelimit-*` headers at all.
        var rateHeaders = true
    }

    /// The verdict of `key`'s fault at `now`; `nil` when it has none, or none in force, so the
    /// plan-wide rules decide. Called under the state lock.
    func keyVerdict(for key: String?, elapsed: Duration, now: UInt64, state: inout State) -> KeyVerdict? {
        guard let key, let fault = state.plan.keyFaults[key] else { return nil }
        switch fault {
        case .refused(let status):
            return KeyVerdict(status: status)
        case .rateLimited(let duration, let limit, let headers):
            guard elapsed < duration else { return nil }
            let left = duration - elapsed
            let window = FixedWindowCounter.Snapshot(limit: max(0, limit), remaining: 0, reset: left)
            return KeyVerdict(status: 429, naturalRetry: left, window: window, rateHeaders: headers)
        case .budget(_, let headers):
            guard let result = state.keyCounters[key]?.consume(at: now) else { return nil }
            return KeyVerdict(
                status: result.allowed ? nil : 429, naturalRetry: result.allowed ? nil : result.snapshot.reset,
                window: result.snapshot, rateHeaders: headers
            )
        }
    }
}
