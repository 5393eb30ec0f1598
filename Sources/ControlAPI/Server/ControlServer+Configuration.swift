extension ControlServer {
    /// The server's limits, which keep a misbehaving client from disturbing the daemon.
    public struct Configuration: Sendable, Equatable {
        /// How long a client has to send a whole request (head and body) after connecting or
        /// after its previous answer; then it gets 408 (if never answered) and is closed.
        public var requestTimeout: Duration
        /// The most connections served at once; more get 429 and are closed.
        public var maxConnections: Int
        /// The largest request body accepted; larger ones get 413.
        public var maxBodyBytes: Int

        /// Limits with the contract's defaults: 10 s, 128 connections, 64 KiB bodies.
        public init(requestTimeout: Duration = .seconds(10), maxConnections: Int = 128, maxBodyBytes: Int = 64 * 1024) {
            self.requestTimeout = requestTimeout
            self.maxConnections = maxConnections
            self.maxBodyBytes = maxBodyBytes
        }
    }
}
