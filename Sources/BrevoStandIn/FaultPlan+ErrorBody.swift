extension FaultPlan {
    /// The shape of error bodies, so the client's tolerant, bounded read can be tested.
    public enum ErrorBody: Sendable, Equatable {
        /// Brevo's `{"code": ..., "message": ...}`.
        case json
        /// A proxy's `text/html` error page, as a load balancer in front of Brevo would send.
        case html
        /// A `text/plain` body of this many bytes.
        case huge(bytes: Int)
        /// Brevo's JSON whose message quotes the request's `api-key` back, as a careless proxy
        /// might: for testing that a client redacts the key it sent.
        case echoedKey
    }
}
