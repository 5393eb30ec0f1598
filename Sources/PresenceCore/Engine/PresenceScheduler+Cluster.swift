extension PresenceScheduler {
    /// Makes this scheduler one node of a cluster: it pings only while `coordinator` holds the
    /// lease. Call before ``start()``; the coordinator starts and stops with the scheduler.
    public func joinCluster(_ coordinator: ClusterCoordinator) {
        cluster = coordinator
        coordinator.onChange = { [weak self] change in self?.leadershipChanged(change) }
    }

    /// The cluster's lease as this node sees it, when it is in one.
    public var lease: LeaseKeeper? {
        cluster?.keeper
    }

    /// This node's name in its cluster; `nil` outside a cluster.
    public var clusterNode: String? {
        cluster?.settings.node
    }

    /// After ``stop()``, once the last pings are answered: ends the lease this node held, so a
    /// standby takes over at once; calls `completion` when the database knows (at once outside
    /// a cluster or when this node did not lead).
    public func releaseLease(completion: @escaping @Sendable () -> Void) {
        guard let cluster else { return completion() }
        cluster.release(completion: completion)
    }

    /// This node gained or lost the lead: every agent is decided again at once. Gained, they
    /// all ping within the startup spread, whenever they last pinged; lost, every timer is
    /// cancelled before anything else happens.
    func leadershipChanged(_ change: LeaseChange) {
        observer.leadershipChanged(change, lease: cluster?.keeper)
        version &+= 1
        switch change {
        case .gained:
            reconsider(records.keys, at: clock.now, respectingLastPing: false)
        case .lost:
            reconsider(records.keys, at: clock.now)
        case .nodeNameInUse:
            break
        }
    }
}
