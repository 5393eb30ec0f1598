/// The OAuth2 token a probe sends as `Authorization: Bearer`, and where it came from.
struct BearerToken: Sendable {
    /// The access token; never part of a message.
    var value: String
    /// What it was issued for, to drop it from the cache when the Broker refuses it.
    var key: BrokerTokenCache.Key
    /// Whether it came from the cache rather than from the token endpoint just now.
    var reused: Bool

    /// A token, or why there is none.
    enum Lookup: Sendable {
        /// A token to send.
        case token(BearerToken)
        /// None could be had; the message for `.token(…)`.
        case failed(String)
    }
}
