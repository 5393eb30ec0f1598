extension FaultPlan {
    /// A fault of one API key only: requests with the other keys are served by the rest of the
    /// plan, so one account can be rate-limited or refused while the others work.
    ///
    /// Applies to a key the stand-in accepts; any other key gets 401 before this is looked at.
    public enum KeyFault: Sendable, Equatable {
        /// Every request with the key gets `status`: 401 for a revoked key, 403 for a blocked one.
        case refused(status: Int = 401)
        /// Every request with the key gets 429 for `duration` from the plan's installation, then
        /// it is served normally. With `headers`, each 429 carries `x-sib-ratelimit-limit`
        /// (`limit`), `x-sib-ratelimit-remaining` (0) and `x-sib-ratelimit-reset` (the time
        /// left); without, no rate-limit header at all.
        case rateLimited(for: Duration, limit: Int = 100, headers: Bool = true)
        /// The key's own fixed-window budget, spent instead of the plan's ``FaultPlan/rateLimit``:
        /// 429 once a window's budget is spent. With `headers`, its answers carry the
        /// `x-sib-ratelimit-*` headers of its window; without, no rate-limit header at all.
        case budget(RateLimit, headers: Bool = true)
    }
}
