/// What a failed ping means for the agent and the account.
public enum FailureDisposition: Hashable, Sendable {
    /// A passing fault (timeout, connection, 408, 5xx): try again.
    case retryable
    /// Brevo refused this agent's body or identity (400, 404, 422, other 4xx): fix the config.
    case agentRejected
    /// Brevo refused the account (401, 402, 403): wrong or revoked key, or an unlisted IP.
    case accountRefused
    /// Brevo rate-limited the account (429).
    case rateLimited

    /// Classifies a failed outcome. A success has no disposition.
    public init?(_ outcome: PingOutcome) {
        guard let errorClass = outcome.errorClass else { return nil }
        guard errorClass == .http, let status = outcome.status else {
            self = .retryable
            return
        }
        switch status {
        case 401, 402, 403: self = .accountRefused
        case 429: self = .rateLimited
        case 408, 500...599: self = .retryable
        case 400...499: self = .agentRejected
        default: self = .retryable
        }
    }
}
