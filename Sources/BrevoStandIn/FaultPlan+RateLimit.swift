extension FaultPlan {
    /// A fixed-window request budget, like Brevo's per-hour limits but of any size.
    public struct RateLimit: Sendable, Equatable {
        /// Requests allowed per window.
        public var limit: Int
        /// The window's length; windows start when the plan is installed.
        public var window: Duration

        /// Creates a rate limit of `limit` requests per `window`.
        public init(limit: Int, window: Duration) {
            self.limit = limit
            self.window = window
        }
    }
}
