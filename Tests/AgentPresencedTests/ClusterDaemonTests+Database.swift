import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension ClusterDaemonTests {
    /// PostgreSQL stopped for a minute under two clusters at once: with `stop`, the leader stops
    /// at the end of its lease and nobody pings until the database is back; with `keep`, the
    /// leader pings all through the outage. Afterwards each cluster has one pinger again.
    @Test func aDatabaseStoppedForAMinuteStopsOrKeepsAsEachPolicyPromises() async throws {
        try await ClusterFixture.with { fixture in
            async let stopCluster = Self.formCluster(fixture, "stop-a", ["stop-b"], cluster: "stop", policy: "stop")
            async let keepCluster = Self.formCluster(fixture, "keep-a", ["keep-b"], cluster: "keep", policy: "keep")
            let (stoppers, keepers) = try await (stopCluster, keepCluster)
            try await Task.sleep(for: .seconds(3))
            let downAt = ClusterPings.now()
            try fixture.postgres.stop()
            try await Task.sleep(for: .seconds(60))
            try fixture.postgres.start()
            let upAt = ClusterPings.now()
            let back = await Eventually.wait(upTo: 30) {
                ClusterPings.of(fixture.standIn, nodes: ["stop-a", "stop-b"]).contains { $0.at > upAt }
            }
            try #require(back, "the stop cluster did not ping again after the database came back")
            try await Task.sleep(for: .seconds(10))
            let end = ClusterPings.now()

            let stop = ClusterPings.of(fixture.standIn, nodes: ["stop-a", "stop-b"])
            // The leader's lease ran out at most a lease after its last renewal, before downAt.
            #expect(!stop.contains { $0.at > downAt + Self.lease && $0.at < upAt })
            #expect(stop.contains { $0.node == "stop-a" && $0.at > downAt && $0.at < downAt + Self.lease })
            #expect(ClusterPings.overlaps(stop).isEmpty)
            #expect(stoppers[0].log.contains("cannot reach the cluster's database"))
            #expect(stoppers[0].log.contains("the lease ran out while the database could not be reached"))

            let keep = ClusterPings.of(fixture.standIn, nodes: ["keep-a", "keep-b"])
            #expect(ClusterPings.longestGap(keep.filter { $0.node == "keep-a" }, agents: Self.agents, from: downAt, until: upAt) < Self.window / 3)
            #expect(!keep.contains { $0.node == "keep-b" && $0.at < upAt })
            // Back: the leader that pinged through the outage renewed before its standby could
            // take the expired lease.
            #expect(!keepers[0].log.contains("lost the lead"), "\(keepers[0].log)")
            #expect(ClusterPings.overlaps(keep).isEmpty)
            // One pinger in each cluster.
            for pings in [stop, keep] {
                let recent = Set(pings.filter { $0.at > end - 6 }.map(\.node))
                #expect(recent.count == 1, "\(recent)")
            }
            print("cluster database outage: stop cluster silent from \(String(format: "%.1f", (stop.last { $0.at < upAt }?.at ?? downAt) - downAt)) s "
                + "after the stop to \(String(format: "%.1f", (stop.first { $0.at > upAt }?.at ?? end) - upAt)) s after the start; "
                + "keep cluster's longest gap during the outage \(String(format: "%.1f", ClusterPings.longestGap(keep, agents: Self.agents, from: downAt, until: upAt))) s")
        }
    }
}
