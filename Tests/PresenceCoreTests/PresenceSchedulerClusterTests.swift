import PresenceCore
import Testing

/// Active/standby in virtual time: several nodes, one lease table, exactly one pinger.
@Suite struct PresenceSchedulerClusterTests {
    static let config = Rosters.config(Rosters.agents(10))
    let timeline = VirtualTimeline()
    let table: VirtualLeaseTable

    init() {
        table = VirtualLeaseTable(timeline: timeline)
    }

    func run(for duration: Duration) { timeline.advance(by: duration) }

    /// Nodes `a` (started first, so the leader) and `b`, after `settle` of running together.
    func pair(settle: Duration, policy: DatabaseLossPolicy = .stop) -> (a: ClusterNode, b: ClusterNode) {
        let a = ClusterNode("a", config: Self.config, table: table, policy: policy)
        let b = ClusterNode("b", config: Self.config, table: table, policy: policy)
        a.scheduler.start()
        run(for: .seconds(1))
        b.scheduler.start()
        run(for: settle)
        return (a, b)
    }

    /// Every node's pings, by time.
    func allPings(_ nodes: [ClusterNode]) -> [(at: MonotonicTime, key: AgentKey, epoch: Int64, node: String)] {
        nodes.flatMap { node in node.pings.map { ($0.at, $0.key, $0.epoch, node.name) } }.sorted { $0.at < $1.at }
    }

    /// No ping of an older epoch after one of a newer: no old leader pinged after the new one's first.
    func expectNoOverlap(_ nodes: [ClusterNode], sourceLocation: SourceLocation = #_sourceLocation) {
        let epochs = allPings(nodes).map(\.epoch)
        #expect(!epochs.contains(-1), sourceLocation: sourceLocation)
        #expect(zip(epochs, epochs.dropFirst()).allSatisfy { $0 <= $1 }, "a ping of an older epoch followed a newer one", sourceLocation: sourceLocation)
    }

    /// The longest time any agent went without a ping from any node, from `from` on.
    func longestGap(_ nodes: [ClusterNode], from: MonotonicTime) -> Duration {
        let byAgent = Dictionary(grouping: allPings(nodes).filter { $0.at >= from }, by: \.key)
        var longest = Duration.zero
        for pings in byAgent.values {
            for (earlier, later) in zip(pings, pings.dropFirst()) { longest = max(longest, later.at - earlier.at) }
        }
        return longest
    }

    @Test func exactlyOneNodePingsAndItPingsEveryAgentAtOnce() throws {
        let nodes = ["a", "b", "c"].map { ClusterNode($0, config: Self.config, table: table) }
        let start = timeline.now
        for node in nodes { node.scheduler.start() }
        run(for: .seconds(600))
        let pinging = nodes.filter { !$0.pingTimes.isEmpty }
        #expect(pinging.count == 1)
        let leader = try #require(pinging.first)
        #expect(Set(leader.pings.map(\.key)).count == 10)
        #expect(try #require(leader.pingTimes.first) - start < .seconds(4))
        #expect(nodes.filter { $0.scheduler.lease?.role == .leader }.count == 1)
        #expect(nodes.allSatisfy { node in node.scheduler.snapshot().allSatisfy { ($0.state == .standby) == (node.name != leader.name) } })
    }

    @Test func aKilledLeadersStandbyPingsWithinALeaseAndAPollAndNoAgentLapses() throws {
        let (a, b) = pair(settle: .seconds(300))
        #expect(b.pingTimes.isEmpty)
        // kill -9: nothing more from a, not even a release.
        a.timers.pause()
        let killedAt = timeline.now
        run(for: .seconds(300))
        let takeover = try #require(b.pingTimes.first)
        #expect(takeover - killedAt <= .seconds(30) + .seconds(10))
        #expect(longestGap([a, b], from: killedAt - .seconds(120)) <= .seconds(120))
        expectNoOverlap([a, b])
    }

    @Test func aLeaderPausedPastItsLeaseSendsNothingWhenItResumes() throws {
        let (a, b) = pair(settle: .seconds(200))
        a.timers.pause()
        run(for: .seconds(60))
        let resumedAt = timeline.now
        #expect(!b.pingTimes.isEmpty)
        a.timers.resume()
        run(for: .seconds(300))
        #expect(a.pingTimes.allSatisfy { $0 < resumedAt - .seconds(30) })
        #expect(a.scheduler.lease?.role == .standby)
        expectNoOverlap([a, b])
    }

    @Test func aLeaderCutFromTheDatabaseStopsBeforeTheStandbyStarts() throws {
        let (a, b) = pair(settle: .seconds(200))
        let cutAt = timeline.now
        a.connection.isCut = true
        run(for: .seconds(400))
        let lastOfA = try #require(a.pingTimes.last)
        let firstOfB = try #require(b.pingTimes.first)
        #expect(lastOfA < firstOfB)
        #expect(lastOfA - cutAt < .seconds(30))
        #expect(longestGap([a, b], from: cutAt - .seconds(120)) <= .seconds(120))
        expectNoOverlap([a, b])
    }

    @Test func aCleanStopHandsOverWithinSeconds() throws {
        let (a, b) = pair(settle: .seconds(100))
        let stoppedAt = timeline.now
        a.scheduler.stop()
        a.scheduler.releaseLease {}
        run(for: .seconds(60))
        let firstOfB = try #require(b.pingTimes.first)
        #expect(firstOfB - stoppedAt <= .seconds(7))
        #expect(a.pingTimes.allSatisfy { $0 <= stoppedAt })
    }

    @Test func whenTheDatabaseIsLostStopStopsPingingAndKeepGoesOn() {
        for policy in DatabaseLossPolicy.allCases {
            let timeline = VirtualTimeline()
            let table = VirtualLeaseTable(timeline: timeline)
            let a = ClusterNode("a", config: Self.config, table: table, policy: policy)
            a.scheduler.start()
            timeline.advance(by: .seconds(100))
            a.connection.isCut = true
            let lostAt = timeline.now
            timeline.advance(by: .seconds(120))
            let during = a.pingTimes.filter { $0 > lostAt + .seconds(30) && $0 < lostAt + .seconds(120) }
            if policy == .stop { #expect(during.isEmpty) } else { #expect(during.count >= 10) }
            a.connection.isCut = false
            timeline.advance(by: .seconds(120))
            // Back: the lease is this node's again, and every agent pings.
            #expect(a.scheduler.lease?.role == .leader)
            #expect(Set(a.pings.filter { $0.at > lostAt + .seconds(130) }.map(\.key)).count == 10)
        }
    }

    @Test("with keep, the leader that pinged through a database outage keeps the lead after it",
          arguments: [0, 700, 1_400, 2_100, 2_800, 3_300])
    func keepLeaderKeepsTheLeadAfterAnOutage(phaseMilliseconds: Int) throws {
        let a = ClusterNode("a", config: Self.config, table: table, policy: .keep, seed: 1)
        let b = ClusterNode("b", config: Self.config, table: table, policy: .keep, seed: 2)
        a.scheduler.start()
        run(for: .seconds(1))
        b.scheduler.start()
        run(for: .seconds(100))
        a.connection.isCut = true
        b.connection.isCut = true
        let downAt = timeline.now
        // Down for a minute, back at every phase of the two nodes' attempt cycles.
        run(for: .seconds(60) + .milliseconds(phaseMilliseconds))
        a.connection.isCut = false
        b.connection.isCut = false
        run(for: .seconds(60))
        #expect(b.pingTimes.isEmpty)
        #expect(a.scheduler.lease?.role == .leader)
        #expect(table.epochs == [1])
        #expect(longestGap([a, b], from: downAt) <= .seconds(120))
    }

    @Test func withKeepAStandbyStillTakesOverFromALeaderThatDiedDuringTheOutage() throws {
        let (a, b) = pair(settle: .seconds(100), policy: .keep)
        a.connection.isCut = true
        b.connection.isCut = true
        run(for: .seconds(30))
        a.timers.pause()
        let diedAt = timeline.now
        run(for: .seconds(30))
        b.connection.isCut = false
        let backAt = timeline.now
        run(for: .seconds(60))
        let first = try #require(b.pingTimes.first)
        // The dead leader is given a renewal period (10 s) and a second, then its lease is taken.
        #expect(first > backAt + .seconds(10))
        #expect(first - backAt < .seconds(25))
        #expect(a.pingTimes.allSatisfy { $0 <= diedAt })
    }

    @Test func aSecondProcessWithTheSameNodeNameIsFound() {
        let first = ClusterNode("web-1", config: Self.config, table: table, seed: 1)
        let recorder = LeaseRecorder()
        let second = ClusterCoordinator(settings: ClusterSettings(node: "web-1"), token: "second", clock: timeline, timers: timeline, transport: table.connection())
        second.onChange = { recorder.changes.append($0) }
        first.scheduler.start()
        run(for: .seconds(1))
        second.start()
        // Found once the first process is seen renewing (every 10 s): the daemon refuses then.
        run(for: .seconds(15))
        #expect(!recorder.changes.isEmpty && recorder.changes.allSatisfy { $0 == .nodeNameInUse(epoch: 1) })
        #expect(second.keeper.role == .standby)
        #expect(!first.pingTimes.isEmpty)
    }

    @Test func aNodeRestartedAfterAKillWaitsForItsOldLeaseAndTakesItOver() throws {
        let first = ClusterNode("web-1", config: Self.config, table: table, seed: 1)
        first.scheduler.start()
        run(for: .seconds(100))
        // kill -9, restarted at once under the same node name: not a duplicate, a successor.
        first.timers.pause()
        let restartedAt = timeline.now
        let recorder = RecordingObserver()
        let second = ClusterNode("web-1", config: Self.config, table: table, seed: 2, observer: recorder)
        second.scheduler.start()
        run(for: .seconds(60))
        #expect(!recorder.leaseChanges.contains { if case .nodeNameInUse = $0 { true } else { false } })
        #expect(second.scheduler.lease?.role == .leader)
        let takeover = try #require(second.pingTimes.first)
        #expect(takeover - restartedAt <= .seconds(30) + .seconds(3) + .seconds(4))
        expectNoOverlap([first, second])
    }

    @Test func twentyFailoversInARowNeverOverlapNorLapse() throws {
        let nodes = ["a", "b", "c"].map { ClusterNode($0, config: Self.config, table: table) }
        for node in nodes {
            node.scheduler.start()
            run(for: .seconds(1))
        }
        run(for: .seconds(120))
        let start = timeline.now
        var leaders: [String] = []
        for _ in 0..<20 {
            let leader = try #require(nodes.first { $0.scheduler.lease?.role == .leader })
            leaders.append(leader.name)
            leader.connection.isCut = true
            // Until another node leads, then the cut one heals and stands by.
            for _ in 0..<120 where nodes.first(where: { $0.scheduler.lease?.role == .leader })?.name ?? leader.name == leader.name {
                run(for: .seconds(1))
            }
            leader.connection.isCut = false
            run(for: .seconds(20))
        }
        #expect(Set(leaders).count == 3)
        #expect(table.epochs == Array(1...Int64(table.epochs.count)))
        #expect(table.epochs.count >= 21)
        #expect(longestGap(nodes, from: start) <= .seconds(120))
        expectNoOverlap(nodes)
    }
}

/// Keeps the changes of role a coordinator reported.
final class LeaseRecorder: @unchecked Sendable {
    var changes: [LeaseChange] = []
}
