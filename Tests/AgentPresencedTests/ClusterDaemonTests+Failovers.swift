import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension ClusterDaemonTests {
    /// Twenty hand-overs in a row (the leader stopped, a fresh daemon started in its place):
    /// never two pingers, no agent lapsing, and every new leader with a higher epoch.
    @Test func twentyFailoversInARowNeverOverlapNorLapse() async throws {
        try await ClusterFixture.with { fixture in
            var members = try await Self.formCluster(fixture, "n0", ["n1", "n2"], cluster: "chain")
            var next = 3
            var epochs = [try #require(members[0].epoch)]
            var takeovers: [Double] = []
            let startedAt = ClusterPings.now()
            for round in 1...20 {
                let leader = try #require(members.first { $0.role == "leader" }, "round \(round): no leader")
                let stoppedAt = ClusterPings.now()
                leader.kill(SIGTERM)
                #expect(leader.waitForExit(timeout: .seconds(15)) == 0)
                members.removeAll { $0 === leader }
                let others = Set(members.map(\.node))
                let tookOver = await Eventually.wait(upTo: 20) {
                    ClusterPings.of(fixture.standIn, nodes: others).contains { $0.at > stoppedAt }
                }
                try #require(tookOver, "round \(round): no standby took over")
                let first = try #require(ClusterPings.of(fixture.standIn, nodes: others).first { $0.at > stoppedAt })
                takeovers.append(first.at - stoppedAt)
                let successor = try #require(members.first { $0.node == first.node })
                let epoch = await Eventually.wait(upTo: 10) { successor.role == "leader" && successor.epoch != nil } ? successor.epoch : nil
                epochs.append(try #require(epoch, "round \(round): \(successor.node) never showed its epoch"))
                members.append(try await fixture.launch("n\(next)", cluster: "chain"))
                next += 1
            }
            let pings = ClusterPings.of(fixture.standIn)
            #expect(ClusterPings.overlaps(pings).isEmpty, "\(ClusterPings.overlaps(pings).map { "\($0.node)@\($0.at)" })")
            #expect(ClusterPings.longestGap(pings, agents: Self.agents, from: startedAt, until: ClusterPings.now()) < Self.window)
            #expect(zip(epochs, epochs.dropFirst()).allSatisfy { $0 < $1 }, "\(epochs)")
            let sorted = takeovers.sorted()
            print("cluster 20 failovers (SIGTERM): takeover median \(String(format: "%.1f", sorted[sorted.count / 2])) s, "
                + "max \(String(format: "%.1f", sorted.last ?? 0)) s; epochs \(epochs.map(String.init).joined(separator: ","))")
        }
    }
}
