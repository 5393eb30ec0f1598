/// One agent of the roster, as configured.
public struct AgentSpec: Hashable, Sendable {
    /// Who the agent is to Brevo.
    public var identity: AgentIdentity {
        didSet { key = Self.key(of: identity, account: account) }
    }
    /// The account the agent belongs to, by name, in the `accounts:` form; `nil` in the
    /// one-account form, where the agent belongs to the account named `default`.
    public var account: String? {
        didSet { key = Self.key(of: identity, account: account) }
    }
    /// The agent's roster key, kept with the identity: a large roster asks for it often, and
    /// building it allocates.
    public private(set) var key: AgentKey
    /// A human label for logs and the status table.
    public var label: String?
    /// Whether the daemon keeps this agent online.
    public var enabled: Bool
    /// Where the agent was declared (`config.yaml:23`), for error messages that name both files.
    public var source: ConfigLocation?
    /// The agent's own schedule, by name; `nil` to follow its account's (see
    /// ``PresenceConfig/scheduleName(of:)``).
    public var schedule: String?
    /// The bot this agent is, by name: online only while that bot answers its probes.
    public var bot: String?

    /// Creates an agent entry.
    public init(
        identity: AgentIdentity, label: String? = nil, enabled: Bool = true, source: ConfigLocation? = nil,
        account: String? = nil, schedule: String? = nil, bot: String? = nil
    ) {
        self.identity = identity
        self.account = account
        self.key = Self.key(of: identity, account: account)
        self.label = label
        self.enabled = enabled
        self.source = source
        self.schedule = schedule
        self.bot = bot
    }

    /// The name of the agent's account: ``account``, or `default` in the one-account form.
    public var accountName: String {
        account ?? AccountSettings.defaultName
    }

    /// `<account>/id:<id>` in the `accounts:` form, `id:<id>` in the one-account form.
    private static func key(of identity: AgentIdentity, account: String?) -> AgentKey {
        guard let account else { return identity.key }
        return AgentKey(account + "/" + identity.key.rawValue)
    }

    /// The name shown to operators: the label, else the ID or email.
    public var displayName: String {
        if let label, !label.isEmpty { return label }
        switch identity {
        case .id(let id): return id
        case .email(let email, _): return email
        }
    }
}
