import Logging
import PresenceCore
import SystemdSupport

extension PresenceLogObserver {
    /// Logs a change of this node's role in the cluster once, with `NODE` and `EPOCH`: the lead
    /// gained at notice, lost at warning (with `REASON`; notice for a clean stop), and a second
    /// daemon with this node's name at error.
    public func leadershipChanged(_ change: LeaseChange, lease: LeaseKeeper?) {
        var metadata: Logger.Metadata = [:]
        // Gained, or another process under this node's name: the holder is this node's name.
        // Lost: the holder may be the other node, so only the name the runtime gave counts.
        var holderIsThisNode = true
        if case .lost = change { holderIsThisNode = false }
        let node = self.node ?? (holderIsThisNode ? lease?.holder : nil)
        if let node { metadata["node"] = .string(node) }
        switch change {
        case .gained(let epoch):
            metadata["event"] = PresenceEvent.becameLeader.metadataValue
            metadata["epoch"] = .stringConvertible(epoch)
            logger.notice("became the leader of the cluster (epoch \(epoch)): pinging every agent", metadata: metadata)
        case .lost(let reason):
            metadata["event"] = PresenceEvent.lostLeadership.metadataValue
            metadata["reason"] = .string(reason)
            if let epoch = lease?.epoch { metadata["epoch"] = .stringConvertible(epoch) }
            let level: Logger.Level = reason == ClusterCoordinator.stoppingReason ? .notice : .warning
            logger.log(level: level, "lost the lead: \(reason); pinging stopped", metadata: metadata)
        case .nodeNameInUse(let epoch):
            metadata["event"] = PresenceEvent.nodeNameInUse.metadataValue
            metadata["epoch"] = .stringConvertible(epoch)
            let name = node ?? "?"
            logger.error(
                "another running daemon uses node name \(name) in this cluster (epoch \(epoch)): give each node its own `node:`",
                metadata: metadata
            )
        }
    }
}
