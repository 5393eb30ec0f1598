extension FaultPlan {
    /// A fault of the connection itself: no HTTP answer at all.
    public enum ConnectionFault: Sendable, Equatable {
        /// Answer normally.
        case none
        /// Read the request, then never answer (the client must time out).
        case hang
        /// Read the request, then close the connection cleanly without an answer.
        case close
        /// Read the request, then reset the connection (TCP RST) without an answer.
        case reset
    }
}
