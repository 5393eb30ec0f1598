/// The status file, version 1: what the daemon reports and `agent-presenced status` reads.
///
/// Field names and meanings are a contract (DESIGN.md section 4). Optional fields are written
/// as explicit `null`s so readers can rely on every key being present.
public struct StatusDocument: Codable, Hashable, Sendable {
    /// The format version, 1.
    public var version: Int
    /// The daemon's process ID.
    public var pid: Int32
    /// When this file was written (RFC 3339 UTC).
    public var updatedAt: String
    /// The configuration in force.
    public var config: ConfigStatus
    /// Agents per state, every state listed.
    public var summary: [String: Int]
    /// Each account's state, by name.
    public var accounts: [String: AccountStatus]
    /// Each bot's health, by name (empty without bots).
    public var bots: [String: BotStatus]
    /// This node's role in its cluster; `nil` (and no `cluster` key) outside a cluster.
    public var cluster: ClusterStatus?
    /// Every agent of the roster, in roster order.
    public var agents: [AgentStatus]

    /// The configuration in force and the last reload's fate.
    public struct ConfigStatus: Codable, Hashable, Sendable {
        /// The main config file.
        public var path: String
        /// Increases by one with each applied config, starting at 1.
        public var generation: Int
        /// When the config in force was applied.
        public var loadedAt: String
        /// Why the last reload was refused; `nil` once a reload succeeds.
        public var lastReloadError: String?
        /// When the last reload, applied or refused, finished; `nil` before the first. Lets
        /// `agent-presenced reload` tell its own reload's result from an earlier one's.
        public var lastReloadAt: String?

        /// Creates the config section.
        public init(path: String, generation: Int, loadedAt: String, lastReloadError: String?, lastReloadAt: String? = nil) {
            self.path = path
            self.generation = generation
            self.loadedAt = loadedAt
            self.lastReloadError = lastReloadError
            self.lastReloadAt = lastReloadAt
        }

        enum CodingKeys: String, CodingKey {
            case path, generation
            case loadedAt = "loaded_at"
            case lastReloadError = "last_reload_error"
            case lastReloadAt = "last_reload_at"
        }

        /// Writes every key, `null` for absent values.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(generation, forKey: .generation)
            try container.encode(loadedAt, forKey: .loadedAt)
            try container.encode(lastReloadError, forKey: .lastReloadError)
            try container.encode(lastReloadAt, forKey: .lastReloadAt)
        }
    }

    /// Creates a document.
    public init(
        version: Int = 1, pid: Int32, updatedAt: String, config: ConfigStatus, summary: [String: Int],
        accounts: [String: AccountStatus] = [:], bots: [String: BotStatus] = [:], cluster: ClusterStatus? = nil, agents: [AgentStatus]
    ) {
        self.version = version
        self.pid = pid
        self.updatedAt = updatedAt
        self.config = config
        self.summary = summary
        self.accounts = accounts
        self.bots = bots
        self.cluster = cluster
        self.agents = agents
    }

    enum CodingKeys: String, CodingKey {
        case version, pid, config, summary, accounts, bots, cluster, agents
        case updatedAt = "updated_at"
    }

    /// Reads a document; one written before accounts or bots existed has none, and one written
    /// outside a cluster has no `cluster`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        pid = try container.decode(Int32.self, forKey: .pid)
        updatedAt = try container.decode(String.self, forKey: .updatedAt)
        config = try container.decode(ConfigStatus.self, forKey: .config)
        summary = try container.decode([String: Int].self, forKey: .summary)
        accounts = try container.decodeIfPresent([String: AccountStatus].self, forKey: .accounts) ?? [:]
        bots = try container.decodeIfPresent([String: BotStatus].self, forKey: .bots) ?? [:]
        cluster = try container.decodeIfPresent(ClusterStatus.self, forKey: .cluster)
        agents = try container.decode([AgentStatus].self, forKey: .agents)
    }
}
