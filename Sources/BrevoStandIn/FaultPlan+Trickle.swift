extension FaultPlan {
    /// Sends answer bodies slowly: `chunkSize` bytes every `interval`.
    ///
    /// Success answers have an empty body, so this slows error answers only.
    public struct Trickle: Sendable, Equatable {
        /// Bytes per write.
        public var chunkSize: Int
        /// Pause between writes.
        public var interval: Duration

        /// Creates a trickle rule.
        public init(chunkSize: Int = 1, interval: Duration) {
            self.chunkSize = chunkSize
            self.interval = interval
        }
    }
}
