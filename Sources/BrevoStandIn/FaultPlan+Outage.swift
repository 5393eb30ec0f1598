extension FaultPlan {
    /// A span of time in which every request gets `status` (503 outage, 401 revoked key, ...).
    public struct Outage: Sendable, Equatable {
        /// The status answered during the span.
        public var status: Int
        /// The span's start, relative to the plan's installation.
        public var from: Duration
        /// The span's end (exclusive), relative to the plan's installation.
        public var until: Duration

        /// Creates an outage span.
        public init(status: Int, from: Duration = .zero, until: Duration) {
            self.status = status
            self.from = from
            self.until = until
        }

        /// Whether `elapsed` since installation lies in the span.
        func contains(_ elapsed: Duration) -> Bool {
            elapsed >= from && elapsed < until
        }
    }
}
