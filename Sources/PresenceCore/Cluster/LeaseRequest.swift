/// One acquire-or-renew (or release) of a cluster's lease, as this node asks for it.
public struct LeaseRequest: Hashable, Sendable {
    /// The cluster's name: daemons with the same name share one lease row.
    public var cluster: String
    /// This node's name (the host name by default), shown as the holder.
    public var node: String
    /// This process's own token, fixed for its lifetime: it tells two processes configured with
    /// the same node name apart, and only the token that holds the lease may renew it.
    public var token: String
    /// How long the lease lasts from the database's `now()` at each renewal.
    public var lease: Duration
    /// Whether an expired lease of another process may be taken; `false` only gives its holder
    /// time to renew after a database outage (``LeaseKeeper/mayTakeOver(at:)``).
    public var mayTakeOver: Bool

    /// Creates a request.
    public init(cluster: String, node: String, token: String, lease: Duration, mayTakeOver: Bool = true) {
        self.cluster = cluster
        self.node = node
        self.token = token
        self.lease = lease
        self.mayTakeOver = mayTakeOver
    }
}
