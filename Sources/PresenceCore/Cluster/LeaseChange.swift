/// A change of this node's role that the lease keeper decided.
public enum LeaseChange: Hashable, Sendable {
    /// This node became the leader, in `epoch`: it pings every agent at once, spread.
    case gained(epoch: Int64)
    /// This node is no longer the leader: it stops pinging before anything else.
    case lost(reason: String)
    /// Another live process holds the lease under this node's own name: two daemons are
    /// configured with one node name, and this one (which does not hold the lease) must refuse.
    case nodeNameInUse(epoch: Int64)
}
