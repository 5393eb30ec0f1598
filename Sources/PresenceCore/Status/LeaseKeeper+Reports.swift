extension LeaseKeeper {
    /// The leader as this node knows it, for reports: itself (`node`) while it leads, the other
    /// holder once an answer named one; `nil` otherwise. After losing the lead, the holder the
    /// keeper remembers is this node's own stale name, not a leader.
    func knownLeader(node: String?) -> String? {
        if role == .leader { return node ?? holder }
        return othersUntil == nil ? nil : holder
    }

    /// When the lease ends as this node knows it: its own while it leads, the other holder's
    /// last seen while standby.
    var knownLeaseEnd: MonotonicTime? {
        role == .leader ? validUntil : othersUntil
    }
}
