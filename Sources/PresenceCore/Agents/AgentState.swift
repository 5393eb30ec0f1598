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
    /// Outside its schedule's working hours.
    case offShift = "off_shift"
    /// Overridden away at run time.
    case away
    /// Its bot fails its probes.
    case botDown = "bot_down"
    /// This node is not the cluster's leader.
    case standby
    /// Configured with `enabled: false`.
    case disabled

    /// Whether a source holds the agent offline in this state: no timer runs for it, and a ping
    /// answer that arrives late does not move it.
    public var isHeld: Bool {
        switch self {
        case .offShift, .away, .botDown, .standby, .disabled: true
        case .pending, .online, .retrying, .lapsed, .rejected, .paused: false
        }
    }
}
