import PresenceCore
import PresenceDaemon

extension ConfigSummary {
    /// The cluster: its name, this node, the lease's timing, the policy, and the database (its
    /// password hidden) with where the URL comes from.
    var clusterLines: [String] {
        guard let cluster = loaded.config.cluster else { return [] }
        let show = DurationFormat.string
        let database = loaded.postgresURL.map { "\($0)" } ?? "not read"
        let source = loaded.postgresURLSource.map { " (from \($0))" } ?? ""
        return [
            "  cluster \(cluster.name): this node is \(cluster.node); lease \(show(cluster.lease)), renewed every "
                + "\(show(cluster.lease / 3)); when the database is lost: \(cluster.whenDatabaseLost.rawValue)",
            "    database: \(database)\(source)",
        ]
    }
}
