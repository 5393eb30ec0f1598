/// What a status file says, however it is held: a built ``StatusDocument``, or a
/// ``StatusSnapshot`` that makes each agent's entry only as it is written.
public protocol StatusContent {
    /// The agents' entries, in roster order.
    associatedtype Agents: Sequence<AgentStatus>

    /// The format version, 1.
    var version: Int { get }
    /// The daemon's process ID.
    var pid: Int32 { get }
    /// When the file is written (RFC 3339 UTC).
    var updatedAt: String { get }
    /// The configuration in force.
    var config: StatusDocument.ConfigStatus { get }
    /// Agents per state, every state listed.
    var summary: [String: Int] { get }
    /// Each account's entry, in config order.
    var accountEntries: [(name: String, status: AccountStatus)] { get }
    /// Each bot's entry, in name order.
    var botEntries: [(name: String, status: BotStatus)] { get }
    /// This node's role in its cluster; `nil` outside a cluster (no `cluster` key at all).
    var cluster: ClusterStatus? { get }
    /// Every agent of the roster.
    var agents: Agents { get }
}

extension StatusDocument: StatusContent {
    /// The accounts by name, in name order (a decoded document lost the config's order).
    public var accountEntries: [(name: String, status: AccountStatus)] {
        accounts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The bots by name, in name order.
    public var botEntries: [(name: String, status: BotStatus)] {
        bots.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
