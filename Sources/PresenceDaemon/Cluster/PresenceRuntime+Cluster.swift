import Foundation
import Logging
import PresenceCore

extension PresenceRuntime {
    /// This node's side of `loaded`'s cluster lease over `transport` (PostgreSQL, or the demo's
    /// table), with a token of its own so that even a restart on the same node is a new holder;
    /// `nil` outside a cluster.
    static func makeCoordinator(
        _ loaded: LoadedConfig, transport: (any LeaseTransport)?, clock: any PresenceClock, timers: any TimerScheduling, logger: Logger
    ) -> ClusterCoordinator? {
        guard let settings = loaded.config.cluster, let transport else { return nil }
        let logged = LoggedLeaseTransport(transport, logger: logger, policy: settings.whenDatabaseLost)
        return ClusterCoordinator(settings: settings, token: UUID().uuidString, clock: clock, timers: timers, transport: logged)
    }

    /// Joins the scheduler to the cluster; a second live process under this node's name stops
    /// this daemon (with a failure: two processes sharing a name could both believe they lead).
    func joinCluster() {
        guard let coordinator = clusterCoordinator else { return }
        scheduler.joinCluster(coordinator)
        let schedulerSide = coordinator.onChange
        coordinator.onChange = { [weak self] change in
            schedulerSide(change)
            guard case .nodeNameInUse = change, let self else { return }
            coordinator.stop()
            self.fail("another running daemon uses node name \(coordinator.settings.node) in cluster \(coordinator.settings.name)")
        }
    }

    /// Why a reload to `newConfig` must be refused because of its cluster settings, or `nil`:
    /// the lease, its table and this node's identity are fixed for the life of the process.
    func clusterChangeProblem(_ newConfig: LoadedConfig) -> String? {
        let old = loaded.config.cluster
        let new = newConfig.config.cluster
        guard old != nil || new != nil else { return nil }
        func identity(_ settings: ClusterSettings?) -> ClusterSettings? {
            var settings = settings
            settings?.source = nil
            return settings
        }
        guard identity(old) != identity(new) || loaded.postgresURL != newConfig.postgresURL else { return nil }
        let what = old == nil ? "cluster: was added" : new == nil ? "cluster: was removed" : "cluster: settings changed"
        return "\(what); the cluster's settings and PostgreSQL URL take effect at a restart (systemctl restart agent-presenced)"
    }
}
