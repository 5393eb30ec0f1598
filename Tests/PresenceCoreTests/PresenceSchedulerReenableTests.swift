import Testing
@testable import PresenceCore

/// The half-interval rule across a reload that takes agents away and gives them back: an agent
/// disabled and enabled again, or removed and added back, shortly after a ping must not ping
/// again within half an interval of it (issue 10, defect 6).
@Suite struct PresenceSchedulerReenableTests {
    enum Change: CaseIterable { case disableThenEnable, removeThenAddBack }

    @Test(arguments: Change.allCases)
    func takingAnAgentAwayAndBackKeepsHalfAnIntervalBetweenItsPings(change: Change) {
        let interval = Duration.seconds(10)
        let agents = Rosters.agents(40)
        let harness = SchedulerHarness(Rosters.config(agents, interval: interval, jitter: .seconds(1)))
        harness.run(for: .seconds(35))
        let away: [AgentSpec] = switch change {
        case .disableThenEnable: agents.map { var spec = $0; spec.enabled = false; return spec }
        case .removeThenAddBack: []
        }
        harness.scheduler.apply(Rosters.config(away, interval: interval, jitter: .seconds(1)))
        harness.run(for: .milliseconds(35_300))
        let change = harness.scheduler.apply(Rosters.config(agents, interval: interval, jitter: .seconds(1)))
        #expect(change.reenabled.count + change.added.count == 40)
        harness.run(for: .milliseconds(125_300))

        for (key, sends) in harness.transport.timesByAgent() {
            for (earlier, later) in zip(sends, sends.dropFirst()) {
                #expect(later - earlier >= interval / 2, "\(key) pinged twice within \(later - earlier)")
            }
            // Back on its cadence: about one ping per interval after the reload.
            let after = sends.filter { $0 > harness.start + .milliseconds(35_300) }
            #expect((8...10).contains(after.count), "\(key): \(after.count) pings in 90 s at 10 s")
        }
    }

    /// The memory of removed agents' pings is bounded: after an interval it no longer holds an
    /// agent back, so one added back much later starts within the usual spread.
    @Test func anAgentAddedBackLongAfterItsRemovalStartsWithinTheSpread() throws {
        let agents = Rosters.agents(1)
        let harness = SchedulerHarness(Rosters.config(agents, interval: .seconds(10)))
        harness.run(for: .seconds(30))
        harness.scheduler.apply(Rosters.config([], interval: .seconds(10)))
        harness.run(for: .seconds(100))
        harness.scheduler.apply(Rosters.config(agents, interval: .seconds(10)))
        harness.run(for: .seconds(104))
        let first = try #require(harness.transport.times(by: agents[0].key).last { $0 > harness.start + .seconds(100) })
        #expect(first - (harness.start + .seconds(100)) <= .seconds(3))
        #expect(harness.scheduler.departedPings.isEmpty)
    }
}
