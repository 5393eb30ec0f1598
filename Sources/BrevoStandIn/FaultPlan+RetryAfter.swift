extension FaultPlan {
    /// The `Retry-After` header on 429 and 5xx answers.
    public struct RetryAfter: Sendable, Equatable {
        /// How the header is written.
        public enum Form: Sendable, Equatable {
            /// Delta-seconds: `Retry-After: 30`.
            case seconds
            /// An IMF-fixdate: `Retry-After: Sun, 06 Nov 1994 08:49:37 GMT`.
            case httpDate
        }

        /// How the header is written.
        public var form: Form
        /// The delay announced; `nil` means the time until the rate window or outage ends.
        public var delay: Duration?

        /// Creates a `Retry-After` rule.
        public init(form: Form, delay: Duration? = nil) {
            self.form = form
            self.delay = delay
        }
    }
}
