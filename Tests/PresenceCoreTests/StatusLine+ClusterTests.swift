import Testing
@testable import PresenceCore

/// `STATUS=` in a cluster: the role first, then the line as it is outside one.
@Suite struct StatusLineClusterTests {
    static let now = MonotonicTime.zero + .seconds(1000)

    static func line(_ lease: LeaseKeeper?, summary: RosterSummary = RosterSummary(counts: [.online: 12])) -> String {
        StatusLine.text(summary: summary, accounts: [], namesAccounts: false, cluster: lease)
    }

    static func keeper(_ outcome: LeaseOutcome?) -> LeaseKeeper {
        var lease = LeaseKeeper(lease: .seconds(30), policy: .stop)
        if let outcome { _ = lease.record(outcome, sentAt: now, now: now, node: "web-2") }
        return lease
    }

    @Test func outsideAClusterTheLineIsUnchanged() {
        #expect(Self.line(nil) == "12 agents: 12 online")
    }

    @Test func aLeaderSaysItsEpochFirst() {
        #expect(Self.line(Self.keeper(.held(epoch: 7, remaining: .seconds(30)))) == "leader, epoch 7; 12 agents: 12 online")
    }

    @Test func aStandbyNamesTheLeader() {
        let lease = Self.keeper(.heldByOther(holder: "web-1", epoch: 7, remaining: .seconds(20), sameNode: false))
        #expect(Self.line(lease, summary: RosterSummary(counts: [.standby: 12])) == "standby (leader: web-1); 12 agents: 12 standby")
    }

    @Test func aStandbyThatKnowsNoLeaderSaysSo() {
        let summary = RosterSummary(counts: [.standby: 12])
        #expect(Self.line(Self.keeper(nil), summary: summary) == "standby (no leader yet); 12 agents: 12 standby")
        #expect(Self.line(Self.keeper(.failed(message: "refused")), summary: summary) == "standby (no leader yet); 12 agents: 12 standby")
        var lost = Self.keeper(.held(epoch: 7, remaining: .seconds(30)))
        _ = lost.resign("a stall was found")
        #expect(Self.line(lost, summary: summary) == "standby (no leader yet); 12 agents: 12 standby")
    }
}
