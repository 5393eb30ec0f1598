/// The status file's `cluster` section, written only when the daemon is one node of a cluster.
///
/// Field names and meanings are a contract (DESIGN.md section 4, "Cluster"); optional fields
/// are written as explicit `null`s.
public struct ClusterStatus: Codable, Hashable, Sendable {
    /// `leader` (this node pings) or `standby`.
    public var role: String
    /// This node's name.
    public var node: String
    /// The lease holder's node name; `nil` while none is known.
    public var leader: String?
    /// When the lease ends as this node knows it (RFC 3339 UTC): its own while leader, the
    /// holder's last seen while standby; `nil` when unknown.
    public var leaseUntil: String?
    /// The epoch of the last lease seen; `nil` before the first answer.
    public var epoch: Int64?
    /// Whether the database answered the last attempt.
    public var databaseReachable: Bool
    /// Why this node last lost the lead; `nil` if it never did.
    public var lastLoss: String?

    /// Creates the section.
    public init(
        role: String, node: String, leader: String?, leaseUntil: String?, epoch: Int64?, databaseReachable: Bool, lastLoss: String?
    ) {
        self.role = role
        self.node = node
        self.leader = leader
        self.leaseUntil = leaseUntil
        self.epoch = epoch
        self.databaseReachable = databaseReachable
        self.lastLoss = lastLoss
    }

    enum CodingKeys: String, CodingKey {
        case role, node, leader, epoch
        case leaseUntil = "lease_until"
        case databaseReachable = "database_reachable"
        case lastLoss = "last_loss"
    }

    /// Writes every key, `null` for absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encode(node, forKey: .node)
        try container.encode(leader, forKey: .leader)
        try container.encode(leaseUntil, forKey: .leaseUntil)
        try container.encode(epoch, forKey: .epoch)
        try container.encode(databaseReachable, forKey: .databaseReachable)
        try container.encode(lastLoss, forKey: .lastLoss)
    }
}
