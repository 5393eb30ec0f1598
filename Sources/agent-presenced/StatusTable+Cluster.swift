import Foundation
import PresenceCore

extension StatusTable {
    /// The cluster's line, when the status file has a `cluster` section:
    /// `cluster: standby, leader web-1, lease until 12:00:31, epoch 7`, or
    /// `cluster: leader (this node web-2), lease until 12:00:40, epoch 7`; `nil` outside a cluster.
    var clusterLine: String? {
        guard let cluster = document.cluster else { return nil }
        var parts: [String]
        if cluster.role == "leader" {
            parts = ["leader (this node \(cluster.node))"]
        } else {
            parts = [cluster.role, cluster.leader.map { "leader \($0)" } ?? "no leader yet"]
        }
        if let until = cluster.leaseUntil.flatMap(RFC3339.date(from:)) { parts.append("lease until \(Self.timeOfDay(until))") }
        if let epoch = cluster.epoch { parts.append("epoch \(epoch)") }
        if !cluster.databaseReachable { parts.append("database unreachable") }
        if cluster.role != "leader", let loss = cluster.lastLoss { parts.append("last lost the lead: \(loss)") }
        return "cluster: " + parts.joined(separator: ", ")
    }

    /// `12:00:31` in the local time zone.
    static func timeOfDay(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }
}
