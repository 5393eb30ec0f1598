/// The whole validated configuration: settings plus the merged roster.
public struct PresenceConfig: Hashable, Sendable {
    /// The Brevo accounts, in file order; one named `default` in the one-account form, never
    /// empty.
    public var accounts: [AccountSettings] {
        didSet { accountSchedules = Self.schedulesByAccount(accounts) }
    }
    /// The schedule each account sets for its agents, by account name (only accounts that set
    /// one): asked once per agent, it must not walk 2,000 accounts.
    private(set) var accountSchedules: [String: String]
    /// Whether the file used the `accounts:` form, whose agent keys carry the account's name.
    public var namesAccounts: Bool
    /// Ping cadence and limits, shared by every account.
    public var ping: PingSettings
    /// Where the status file goes; `nil` means `$RUNTIME_DIRECTORY/status.json`.
    public var statusFile: String?
    /// A folder of `*.yaml` roster drop-ins, merged after `agents`.
    public var agentsDir: String?
    /// Whether a missing `agents_dir` is allowed.
    public var agentsDirOptional: Bool
    /// The roster, in file order (main file first, then drop-ins in lexical order).
    public var agents: [AgentSpec]
    /// The working-hours schedules by name, declared in the main file only.
    public var schedules: [String: WorkSchedule]
    /// The bots whose health keeps their agents online, by name, declared in the main file only.
    public var bots: [String: BotSettings]
    /// Several daemons with one lease, exactly one of them pinging; `nil` outside a cluster.
    public var cluster: ClusterSettings?
    /// Where Prometheus metrics are served and written (off by default).
    public var metrics = MetricsSettings()
    /// The forward proxy over the environment's; `nil` leaves it to the environment.
    public var proxy: ProxySettings?

    /// Creates a one-account configuration (the `brevo:` + `rate_limit:` form).
    public init(
        brevo: BrevoSettings = BrevoSettings(),
        ping: PingSettings = PingSettings(),
        rateLimit: RateLimitSettings = RateLimitSettings(),
        statusFile: String? = nil,
        agentsDir: String? = nil,
        agentsDirOptional: Bool = false,
        agents: [AgentSpec] = [],
        schedules: [String: WorkSchedule] = [:],
        bots: [String: BotSettings] = [:]
    ) {
        self.accounts = [AccountSettings(brevo: brevo, rateLimit: rateLimit)]
        self.accountSchedules = [:]
        self.namesAccounts = false
        self.ping = ping
        self.statusFile = statusFile
        self.agentsDir = agentsDir
        self.agentsDirOptional = agentsDirOptional
        self.agents = agents
        self.schedules = schedules
        self.bots = bots
    }

    /// Creates a configuration of named accounts (the `accounts:` form); `accounts` must not
    /// be empty.
    public init(
        accounts: [AccountSettings],
        ping: PingSettings = PingSettings(),
        statusFile: String? = nil,
        agentsDir: String? = nil,
        agentsDirOptional: Bool = false,
        agents: [AgentSpec] = [],
        schedules: [String: WorkSchedule] = [:],
        bots: [String: BotSettings] = [:]
    ) {
        precondition(!accounts.isEmpty, "a configuration has at least one account")
        self.accounts = accounts
        self.accountSchedules = Self.schedulesByAccount(accounts)
        self.namesAccounts = true
        self.ping = ping
        self.statusFile = statusFile
        self.agentsDir = agentsDir
        self.agentsDirOptional = agentsDirOptional
        self.agents = agents
        self.schedules = schedules
        self.bots = bots
    }

    /// The first account's Brevo settings: the whole of them in the one-account form.
    public var brevo: BrevoSettings {
        get { accounts[0].brevo }
        set { accounts[0].brevo = newValue }
    }

    /// The first account's budget: the whole of it in the one-account form.
    public var rateLimit: RateLimitSettings {
        get { accounts[0].rateLimit }
        set { accounts[0].rateLimit = newValue }
    }

    /// The account named `name`.
    public func account(named name: String) -> AccountSettings? {
        accounts.first { $0.name == name }
    }

    /// How many agents the daemon keeps online, counted without copying the roster.
    public var enabledAgentCount: Int {
        agents.reduce(0) { $1.enabled ? $0 + 1 : $0 }
    }
}
