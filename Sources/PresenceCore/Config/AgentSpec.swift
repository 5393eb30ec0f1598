/// One agent of the roster, as configured.
public struct AgentSpec: Hashable, Sendable {
    /// Who the agent is to Brevo.
    public var identity: AgentIdentity {
        didSet { key = identity.key }
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

    /// Creates an agent entry.
    public init(identity: AgentIdentity, label: String? = nil, enabled: Bool = true, source: ConfigLocation? = nil) {
        self.identity = identity
        self.key = identity.key
        self.label = label
        self.enabled = enabled
        self.source = source
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
