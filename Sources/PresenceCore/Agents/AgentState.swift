/// The state of one agent, as the status file and `STATUS=` report it.
public enum AgentState: String, CaseIterable, Codable, Hashable, Sendable {
    /// No ping yet.
    case pending
    /// The last ping succeeded; Brevo shows the agent online.
    case online
    /// The last attempt failed, but the presence window has not lapsed yet.
    case retrying
    /// No success within the presence window: Brevo has probably shown the agent offline.
    case lapsed
    /// Brevo refused this agent (400/404/422): the config needs fixing.
    case rejected
    /// Held back for the whole account: a rate limit or a rejected API key.
    case paused
    /// Configured with `enabled: false`.
    case disabled
}
