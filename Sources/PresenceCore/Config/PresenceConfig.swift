/// The whole validated configuration: settings plus the merged roster.
public struct PresenceConfig: Hashable, Sendable {
    /// Brevo connection settings.
    public var brevo: BrevoSettings
    /// Ping cadence and limits.
    public var ping: PingSettings
    /// The account's budget.
    public var rateLimit: RateLimitSettings
    /// Where the status file goes; `nil` means `$RUNTIME_DIRECTORY/status.json`.
    public var statusFile: String?
    /// A folder of `*.yaml` roster drop-ins, merged after `agents`.
    public var agentsDir: String?
    /// Whether a missing `agents_dir` is allowed.
    public var agentsDirOptional: Bool
    /// The roster, in file order (main file first, then drop-ins in lexical order).
    public var agents: [AgentSpec]

    /// Creates a configuration.
    public init(
        brevo: BrevoSettings = BrevoSettings(),
        ping: PingSettings = PingSettings(),
        rateLimit: RateLimitSettings = RateLimitSettings(),
        statusFile: String? = nil,
        agentsDir: String? = nil,
        agentsDirOptional: Bool = false,
        agents: [AgentSpec] = []
    ) {
        self.brevo = brevo
        self.ping = ping
        self.rateLimit = rateLimit
        self.statusFile = statusFile
        self.agentsDir = agentsDir
        self.agentsDirOptional = agentsDirOptional
        self.agents = agents
    }

    /// How many agents the daemon keeps online, counted without copying the roster.
    public var enabledAgentCount: Int {
        agents.reduce(0) { $1.enabled ? $0 + 1 : $0 }
    }

    /// Requests per hour this roster costs at the configured interval, retries excluded.
    public var requestsPerHour: Double {
        Double(enabledAgentCount) * 3600 / ping.interval.seconds
    }
}
