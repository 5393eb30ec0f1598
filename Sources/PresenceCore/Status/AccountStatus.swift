/// One account's entry in the status file's `accounts` object (keyed by the account's name).
///
/// Field names and meanings are a contract (DESIGN.md section 4, "Accounts"); optional fields
/// are written as explicit `null`s.
public struct AccountStatus: Codable, Hashable, Sendable {
    /// `active`, `paused` (the key was refused) or `rate_limited`.
    public var state: String
    /// Why the account is held back; `nil` while active.
    public var reason: String?
    /// When a rate limit ends (RFC 3339 UTC); `nil` otherwise.
    public var until: String?
    /// The configured budget, when there is one.
    public var requestsPerHour: Int?
    /// The interval its agents are pinged at, as planned for its budget (`60s`).
    public var interval: String
    /// Its agents, disabled ones included.
    public var agents: Int
    /// Requests sent for it in the last hour, to the minute.
    public var requestsLastHour: Int
    /// The limit Brevo reported in `x-sib-ratelimit-limit`, once it did.
    public var learnedLimit: Int?

    /// Creates an entry.
    public init(
        state: String, reason: String?, until: String?, requestsPerHour: Int?, interval: String,
        agents: Int, requestsLastHour: Int, learnedLimit: Int?
    ) {
        self.state = state
        self.reason = reason
        self.until = until
        self.requestsPerHour = requestsPerHour
        self.interval = interval
        self.agents = agents
        self.requestsLastHour = requestsLastHour
        self.learnedLimit = learnedLimit
    }

    enum CodingKeys: String, CodingKey {
        case state, reason, until, interval, agents
        case requestsPerHour = "requests_per_hour"
        case requestsLastHour = "requests_last_hour"
        case learnedLimit = "learned_limit"
    }

    /// Writes every key, `null` for absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(reason, forKey: .reason)
        try container.encode(until, forKey: .until)
        try container.encode(requestsPerHour, forKey: .requestsPerHour)
        try container.encode(interval, forKey: .interval)
        try container.encode(agents, forKey: .agents)
        try container.encode(requestsLastHour, forKey: .requestsLastHour)
        try container.encode(learnedLimit, forKey: .learnedLimit)
    }
}
