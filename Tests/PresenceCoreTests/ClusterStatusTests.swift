import Foundation
import Testing
@testable import PresenceCore

/// The status file's `cluster` section: the contract's keys with explicit `null`s, lease times on
/// the wall clock, and no `cluster` key at all outside a cluster.
@Suite struct ClusterStatusTests {
    static let clock = FrozenClock(now: .zero + .seconds(10_000), wallNow: Date(timeIntervalSince1970: 1_795_000_000))
    static let config = StatusDocument.ConfigStatus(path: "/c.yaml", generation: 1, loadedAt: "t", lastReloadError: nil)
    static let now = clock.now

    static func json(_ value: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    }

    static func snapshot(_ lease: LeaseKeeper?, node: String? = "web-2") -> StatusSnapshot {
        StatusSnapshot(records: [], cluster: lease, clusterNode: lease == nil ? nil : node, window: .seconds(120),
                       clock: clock, pid: 7, config: config)
    }

    /// `web-2` leading in epoch 7, renewed a second ago.
    static func leader() -> LeaseKeeper {
        var lease = LeaseKeeper(lease: .seconds(30), policy: .stop)
        _ = lease.record(.held(epoch: 7, remaining: .seconds(30)), sentAt: now - .seconds(1), now: now - .milliseconds(990), node: "web-2")
        return lease
    }

    /// `web-2` standing by while `web-1` holds epoch 7 for 20 s more as of a second ago.
    static func standby() -> LeaseKeeper {
        var lease = LeaseKeeper(lease: .seconds(30), policy: .stop)
        _ = lease.record(.heldByOther(holder: "web-1", epoch: 7, remaining: .seconds(20), sameNode: false),
                         sentAt: now - .seconds(1), now: now - .seconds(1), node: "web-2")
        return lease
    }

    @Test func theSectionHasEveryContractKeyWithExplicitNulls() throws {
        let entry = ClusterStatus(role: "standby", node: "web-2", leader: nil, leaseUntil: nil, epoch: nil,
                                  databaseReachable: false, lastLoss: nil)
        let json = try Self.json(entry)
        #expect(Set(json.keys) == ["role", "node", "leader", "lease_until", "epoch", "database_reachable", "last_loss"])
        for key in ["leader", "lease_until", "epoch", "last_loss"] { #expect(json[key] is NSNull, "\(key)") }
        #expect(json["database_reachable"] as? Bool == false)
        #expect(try JSONDecoder().decode(ClusterStatus.self, from: JSONEncoder().encode(entry)) == entry)
    }

    @Test func aLeaderReportsItsOwnLeaseEndFencedEarly() {
        // Renewal sent at now - 1 s: good for 30 s from the send, minus the 0.5 s margin.
        #expect(Self.snapshot(Self.leader()).cluster == ClusterStatus(
            role: "leader", node: "web-2", leader: "web-2", leaseUntil: "2026-11-18T11:07:08.500Z", epoch: 7,
            databaseReachable: true, lastLoss: nil
        ))
    }

    @Test func aStandbyReportsTheHoldersNameAndLeaseEnd() {
        #expect(Self.snapshot(Self.standby()).cluster == ClusterStatus(
            role: "standby", node: "web-2", leader: "web-1", leaseUntil: "2026-11-18T11:06:59.000Z", epoch: 7,
            databaseReachable: true, lastLoss: nil
        ))
    }

    @Test func aLeaderWhoseLeaseRanOutKnowsNoLeaderAndSaysWhyItLostTheLead() {
        var lease = Self.leader()
        _ = lease.record(.failed(message: "timed out"), sentAt: Self.now, now: Self.now, node: "web-2")
        _ = lease.expire(at: Self.now + .seconds(60))
        #expect(Self.snapshot(lease).cluster == ClusterStatus(
            role: "standby", node: "web-2", leader: nil, leaseUntil: nil, epoch: 7, databaseReachable: false,
            lastLoss: "the lease ran out while the database could not be reached"
        ))
    }

    @Test func theDocumentCarriesTheSectionAndReadsItBack() throws {
        let document = Self.snapshot(Self.standby()).document
        let json = try Self.json(document)
        let cluster = try #require(json["cluster"] as? [String: Any])
        #expect(cluster["leader"] as? String == "web-1" && cluster["epoch"] as? Int == 7)
        #expect(try JSONDecoder().decode(StatusDocument.self, from: JSONEncoder().encode(document)) == document)
    }

    @Test func outsideAClusterThereIsNoClusterKey() throws {
        let document = Self.snapshot(nil).document
        #expect(document.cluster == nil)
        let json = try Self.json(document)
        #expect(json["cluster"] == nil)
        #expect(try JSONDecoder().decode(StatusDocument.self, from: JSONEncoder().encode(document)).cluster == nil)
    }

    @Test func aSchedulerInAClusterReportsItsRole() throws {
        let timeline = VirtualTimeline()
        let table = VirtualLeaseTable(timeline: timeline)
        let config = Rosters.config(Rosters.agents(3))
        let a = ClusterNode("a", config: config, table: table)
        let b = ClusterNode("b", config: config, table: table)
        a.scheduler.start()
        timeline.advance(by: .seconds(1))
        b.scheduler.start()
        timeline.advance(by: .seconds(20))
        func cluster(_ node: ClusterNode) throws -> ClusterStatus {
            let scheduler = node.scheduler
            #expect(scheduler.clusterNode == node.name)
            return try #require(StatusSnapshot(
                records: scheduler.snapshot(), cluster: scheduler.lease, clusterNode: scheduler.clusterNode,
                window: .seconds(120), clock: timeline, pid: 7, config: Self.config
            ).document.cluster)
        }
        let leader = try cluster(a)
        let standby = try cluster(b)
        #expect(leader.role == "leader" && leader.node == "a" && leader.leader == "a" && leader.epoch == 1)
        #expect(standby.role == "standby" && standby.node == "b" && standby.leader == "a" && standby.epoch == 1)
        #expect(leader.leaseUntil != nil && standby.leaseUntil != nil && leader.databaseReachable && standby.databaseReachable)
    }

    @Test func aSchedulerOutsideAClusterHasNoLeaseAndNoNode() {
        let harness = SchedulerHarness(Rosters.config(Rosters.agents(2)))
        #expect(harness.scheduler.lease == nil && harness.scheduler.clusterNode == nil)
    }
}
