import Foundation
import PostgresTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Active/standby with real processes: the built daemon, a real PostgreSQL, the Brevo stand-in,
/// and a relay per daemon to cut its database. Scenarios that do not share a fault run at
/// once, each in a cluster of its own, to keep the suite short.
@Suite("Cluster: daemons against a real PostgreSQL", .serialized)
struct ClusterDaemonTests {
    static let lease = ClusterFixture.lease
    static let window = ClusterFixture.presenceWindow
    /// A new leader's pings start within this spread (the scheduler's startup window).
    static let spread = 3.0
    static let agents = (1...ClusterFixture.agentCount).map { "agent\($0)" }

    @Test func killPauseCutStopAndATwinEachInTheirOwnCluster() async throws {
        try await ClusterFixture.with { fixture in
            async let killed = Self.killedLeader(fixture)
            async let paused = Self.pausedLeader(fixture)
            async let cut = Self.leaderCutFromTheDatabase(fixture)
            async let stopped = Self.cleanlyStoppedLeader(fixture)
            async let twin = Self.twinNodeName(fixture)
            let takeovers = try await (killed, paused, cut, stopped, twin)
            print("cluster takeover: kill -9 \(String(format: "%.1f", takeovers.0)) s, SIGTERM \(String(format: "%.1f", takeovers.3)) s")
            // Every request named its node (DESIGN "HTTP identity").
            let pings = ClusterPings.of(fixture.standIn)
            #expect(!pings.isEmpty && pings.allSatisfy { $0.userAgent.hasPrefix("agent-presenced/") && $0.node != "?" })
        }
    }

    /// Starts `first` (the leader once it pings) and then `others` (standbys once their status says so).
    static func formCluster(_ fixture: ClusterFixture, _ first: String, _ others: [String], cluster: String, policy: String = "stop") async throws -> [ClusterMember] {
        let leader = try await fixture.launch(first, cluster: cluster, policy: policy)
        let pinging = await Eventually.wait(upTo: 20) { ClusterPings.of(fixture.standIn, nodes: [first]).count >= ClusterFixture.agentCount }
        try #require(pinging, "\(first) never pinged every agent: \(leader.log)")
        var members = [leader]
        for node in others { members.append(try await fixture.launch(node, cluster: cluster, policy: policy)) }
        let settled = await Eventually.wait(upTo: 20) { members.dropFirst().allSatisfy { $0.role == "standby" } && leader.role == "leader" }
        try #require(settled, "the cluster \(cluster) did not settle: \(members.map { "\($0.node): \($0.role ?? "-")" })")
        return members
    }

    /// kill -9 of the leader: a standby pings within a lease and a poll (plus the spread), no
    /// agent lapses, no ping overlaps. Returns the takeover time.
    static func killedLeader(_ fixture: ClusterFixture) async throws -> Double {
        let nodes: Set = ["kill-a", "kill-b", "kill-c"]
        let members = try await formCluster(fixture, "kill-a", ["kill-b", "kill-c"], cluster: "kill")
        try await Task.sleep(for: .seconds(6))
        let killedAt = ClusterPings.now()
        members[0].kill(SIGKILL)
        let tookOver = await Eventually.wait(upTo: 30) {
            ClusterPings.of(fixture.standIn, nodes: ["kill-b", "kill-c"]).contains { $0.at > killedAt }
        }
        try #require(tookOver, "no standby pinged after the leader was killed")
        try await Task.sleep(for: .seconds(8))
        let pings = ClusterPings.of(fixture.standIn, nodes: nodes)
        let first = try #require(pings.first { $0.node != "kill-a" && $0.at > killedAt })
        #expect(first.at - killedAt <= lease + lease / 3 + spread)
        #expect(ClusterPings.overlaps(pings).isEmpty, "\(ClusterPings.overlaps(pings))")
        #expect(ClusterPings.longestGap(pings, agents: agents, from: killedAt - 5, until: ClusterPings.now()) < window)
        // The new leader pinged every agent, at once, whenever each was last pinged.
        #expect(Set(pings.filter { $0.node == first.node && $0.at <= first.at + spread + 0.5 }.map(\.agent)).count == agents.count)
        return first.at - killedAt
    }

    /// SIGSTOP of the leader for two leases, then SIGCONT: a standby took over meanwhile, and the
    /// old leader sends not one ping after it resumes.
    static func pausedLeader(_ fixture: ClusterFixture) async throws -> Double {
        let members = try await formCluster(fixture, "pause-a", ["pause-b"], cluster: "pause")
        let pausedAt = ClusterPings.now()
        members[0].kill(SIGSTOP)
        try await Task.sleep(for: .seconds(2 * lease))
        let resumedAt = ClusterPings.now()
        members[0].kill(SIGCONT)
        try await Task.sleep(for: .seconds(8))
        let pings = ClusterPings.of(fixture.standIn, nodes: ["pause-a", "pause-b"])
        #expect(pings.contains { $0.node == "pause-b" && $0.at > pausedAt && $0.at < resumedAt })
        #expect(!pings.contains { $0.node == "pause-a" && $0.at >= resumedAt })
        #expect(ClusterPings.overlaps(pings).isEmpty)
        #expect(await Eventually.wait(upTo: 10) { members[0].role == "standby" })
        return resumedAt - pausedAt
    }

    /// The leader's relay drops its database traffic while the standbys still reach it: the old
    /// leader's last ping comes before the new leader's first, and no agent lapses.
    static func leaderCutFromTheDatabase(_ fixture: ClusterFixture) async throws -> Double {
        let nodes: Set = ["cut-a", "cut-b", "cut-c"]
        let members = try await formCluster(fixture, "cut-a", ["cut-b", "cut-c"], cluster: "cut")
        let cutAt = ClusterPings.now()
        members[0].relay.cut()
        let tookOver = await Eventually.wait(upTo: 40) {
            ClusterPings.of(fixture.standIn, nodes: ["cut-b", "cut-c"]).contains { $0.at > cutAt }
        }
        try #require(tookOver, "no standby took over from a leader cut from the database")
        try await Task.sleep(for: .seconds(8))
        let pings = ClusterPings.of(fixture.standIn, nodes: nodes)
        let lastOfOld = try #require(pings.last { $0.node == "cut-a" })
        let firstOfNew = try #require(pings.first { $0.node != "cut-a" })
        #expect(lastOfOld.at < firstOfNew.at)
        #expect(ClusterPings.overlaps(pings).isEmpty)
        #expect(ClusterPings.longestGap(pings, agents: agents, from: cutAt - 5, until: ClusterPings.now()) < window)
        #expect(members[0].log.contains("lost the lead"))
        return firstOfNew.at - cutAt
    }

    /// SIGTERM of the leader: it exits 0 having released the lease, and a standby pings within
    /// its poll and the spread. Returns the takeover time.
    static func cleanlyStoppedLeader(_ fixture: ClusterFixture) async throws -> Double {
        let members = try await formCluster(fixture, "term-a", ["term-b"], cluster: "term")
        try await Task.sleep(for: .seconds(4))
        let stoppedAt = ClusterPings.now()
        members[0].kill(SIGTERM)
        #expect(members[0].waitForExit(timeout: .seconds(15)) == 0)
        let tookOver = await Eventually.wait(upTo: 20) {
            ClusterPings.of(fixture.standIn, nodes: ["term-b"]).contains { $0.at > stoppedAt }
        }
        try #require(tookOver)
        let pings = ClusterPings.of(fixture.standIn, nodes: ["term-a", "term-b"])
        let first = try #require(pings.first { $0.node == "term-b" })
        // Released, not run out: well inside a lease.
        #expect(first.at - stoppedAt < lease - 1)
        #expect(ClusterPings.overlaps(pings).isEmpty)
        return first.at - stoppedAt
    }

    /// A second live daemon under the leader's node name finds the name renewed by another
    /// process and stops with a configuration error; the leader goes on.
    static func twinNodeName(_ fixture: ClusterFixture) async throws -> Double {
        _ = try await formCluster(fixture, "twin", [], cluster: "twin")
        let twin = try await fixture.launch("twin", home: "twin-2", cluster: "twin")
        let startedAt = ClusterPings.now()
        let status = twin.waitForExit(timeout: .seconds(30))
        #expect(status == 78, "\(twin.log)")
        #expect(twin.log.contains("another running daemon uses node name twin"))
        let later = ClusterPings.now()
        try await Task.sleep(for: .seconds(6))
        #expect(ClusterPings.of(fixture.standIn, nodes: ["twin"]).contains { $0.at > later })
        return later - startedAt
    }
}
