/// Which of the Broker stand-in's endpoints a request was for.
public enum BrokerRequestKind: String, Sendable, Equatable {
    /// `POST …/channel/{channel}/v1/conversations`: a conversation start.
    case start
    /// `POST …/channel/{channel}/v1/conversations/{sessionCode}`: a conversation continued.
    case `continue`
    /// `POST …/conversations/{sessionCode}/satisfactions`: the satisfaction survey, which closes
    /// the session with `expireSession: true`.
    case close
    /// `POST /auth/token`: the OAuth2 token endpoint.
    case token
    /// Anything else.
    case other
}
