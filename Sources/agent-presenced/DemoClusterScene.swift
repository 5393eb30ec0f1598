import PresenceCore
import ServiceLifecycle

/// The demo's scene of a failover: the daemon is node `demo-1` of a cluster whose lease lives in
/// a ``DemoLeaseTable``. After a while the scene cuts it off from that table: it stops pinging
/// when its lease runs out, and a simulated node `demo-2` takes the lease (it pings nothing
/// here; a real second host would). Later `demo-2` stops cleanly and releases the lease, the
/// table is reachable again, and `demo-1` takes over and pings every agent at once.
struct DemoClusterScene: Service {
    let table: DemoLeaseTable
    /// Where the scene's messages go.
    let narration: DemoNarration
    /// The daemon's node name, and the simulated other node's.
    var node = "demo-1"
    var other = "demo-2"
    /// The cluster's name and lease, as in the demo's config.
    var cluster = "default"
    var lease: Duration = .seconds(10)
    /// When the scene starts, after the demo's start, and how long `demo-2` leads.
    var startsAfter: Duration = .seconds(40)
    var otherLeadsFor: Duration = .seconds(25)

    func run() async throws {
        guard (try? await Task.sleep(for: startsAfter)) != nil else { return }
        table.setCut(node, true)
        narration.say("the demo cuts node \(node) off from the cluster's database: it stops pinging when its lease (\(lease.components.seconds) s) runs out, and node \(other) (simulated) takes over")
        let request = LeaseRequest(cluster: cluster, node: other, token: "demo-2-token", lease: lease)
        let until = ContinuousClock.now + .seconds(Int(lease.components.seconds) + 5) + otherLeadsFor
        var announced = false
        while ContinuousClock.now < until {
            if case .held(let epoch, _) = table.acquireNow(request), !announced {
                announced = true
                narration.say("node \(other) holds the lease (epoch \(epoch)): \(node) is a standby, its agents show standby")
            }
            guard (try? await Task.sleep(for: .seconds(3))) != nil else { return }
        }
        table.setCut(node, false)
        table.release(request) {}
        narration.say("node \(other) stops cleanly and releases the lease; \(node) reaches the database again and takes over within seconds, pinging every agent at once")
    }
}
