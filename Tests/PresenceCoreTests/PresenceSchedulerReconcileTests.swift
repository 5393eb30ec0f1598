import Testing
@testable import PresenceCore

@Suite struct PresenceSchedulerReconcileTests {
    /// A 1,000-agent roster reloaded with 10 removed, 10 disabled, 10 added and 1 relabelled:
    /// every kept agent pings at exactly the times it would have without the reload.
    @Test func aReloadChangesExactlyWhatChanged() {
        let interval = Duration.seconds(60)
        let agents = Rosters.agents(1000)
        let config = Rosters.config(agents, interval: interval)
        let untouched = SchedulerHarness(config, seed: 9)
        let reloaded = SchedulerHarness(config, seed: 9)
        let reloadAt = Duration.seconds(150)
        untouched.run(for: reloadAt)
        reloaded.run(for: reloadAt)

        let removed = Set(agents[0..<10].map(\.key))
        let disabled = Set(agents[10..<20].map(\.key))
        let added = Rosters.agents(10, prefix: "new")
        var newAgents = agents.filter { !removed.contains($0.key) }.map { spec -> AgentSpec in
            var spec = spec
            if disabled.contains(spec.key) { spec.enabled = false }
            if spec.key == agents[500].key { spec.label = "Renamed" }
            return spec
        }
        newAgents += added
        let change = reloaded.scheduler.apply(Rosters.config(newAgents, interval: interval))
        #expect(change.removed.count == 10 && change.disabled.count == 10 && change.added.count == 10 && change.kept == 980)

        untouched.run(for: reloadAt + interval * 5)
        reloaded.run(for: reloadAt + interval * 5)
        let reloadTime = reloaded.start + reloadAt
        let before = untouched.transport.timesByAgent(), after = reloaded.transport.timesByAgent()
        for spec in agents where !removed.contains(spec.key) && !disabled.contains(spec.key) {
            #expect(before[spec.key] == after[spec.key], "\(spec.key) changed its ping times")
        }
        for key in removed.union(disabled) {
            #expect(after[key, default: []].allSatisfy { $0 <= reloadTime }, "\(key) pinged after the reload")
        }
        for spec in added {
            let first = try? #require(after[spec.key]?.first)
            #expect(first.map { $0 - reloadTime <= .seconds(3) } == true, "\(spec.key) first ping not within the spread")
        }
        #expect(reloaded.scheduler.record(for: agents[500].key)?.spec.label == "Renamed")
        #expect(reloaded.scheduler.record(for: agents[10].key)?.state == .disabled)
        #expect(reloaded.scheduler.record(for: agents[0].key) == nil)
    }

    @Test func reEnabledAgentsStartAgainAndIdentityChangesMakeNewAgents() {
        let agents = [AgentSpec(identity: .id("a")), AgentSpec(identity: .email("b@example.com", name: "B"), enabled: false)]
        let harness = SchedulerHarness(Rosters.config(agents))
        harness.run(for: .seconds(100))
        #expect(harness.transport.times(by: agents[1].key).isEmpty)
        let switched = [AgentSpec(identity: .id("b-id")), AgentSpec(identity: .email("b@example.com", name: "B"), enabled: true)]
        let change = harness.scheduler.apply(Rosters.config(switched))
        #expect(change.removed == [agents[0].key] && change.added == [AgentKey("id:b-id")] && change.reenabled == [agents[1].key])
        harness.run(for: .seconds(105))
        #expect(harness.transport.times(by: agents[1].key).count == 1)
        #expect(harness.transport.times(by: AgentKey("id:b-id")).count == 1)
    }

    @Test func aNewIntervalMovesEveryAgentToTheNewGridNoSoonerThanHalfAnIntervalAfterItsLastPing() {
        let agents = Rosters.agents(100)
        let harness = SchedulerHarness(Rosters.config(agents, interval: .seconds(60), jitter: .zero))
        harness.run(for: .seconds(200))
        harness.scheduler.apply(Rosters.config(agents, interval: .seconds(20), jitter: .zero))
        harness.run(for: .seconds(400))
        for (key, sends) in harness.transport.timesByAgent() {
            for (earlier, later) in zip(sends, sends.dropFirst()) {
                #expect(later - earlier >= .seconds(10), "\(key) pinged twice within \(later - earlier)")
            }
            let late = sends.filter { $0 >= harness.start + .seconds(260) }
            #expect((6...8).contains(late.count), "\(key): \(late.count) pings in 140 s at a 20 s interval")
        }
    }
}

extension PresenceSchedulerReconcileTests {
    /// A ping in flight when a reload disables its agent: its answer is counted, but the agent
    /// stays disabled (not `online`, later `lapsed`) and gets no retry.
    @Test(arguments: [true, false])
    func anAnswerArrivingAfterTheAgentWasDisabledLeavesItDisabled(succeeds: Bool) throws {
        let agents = Rosters.agents(1)
        let harness = SchedulerHarness(Rosters.config(agents, interval: .seconds(60)))
        harness.transport.latency = .seconds(2)
        harness.transport.answer = { _, _ in succeeds ? .success() : .httpError(status: 503) }
        let key = agents[0].key
        while harness.transport.times(by: key).isEmpty, harness.timeline.now < harness.start + .seconds(10) {
            harness.timeline.advance(by: .milliseconds(100))
        }
        let firstSend = try #require(harness.transport.times(by: key).first)
        var disabled = agents
        disabled[0].enabled = false
        harness.timeline.advance(to: firstSend + .seconds(1))
        harness.scheduler.apply(Rosters.config(disabled, interval: .seconds(60)))
        harness.run(for: .seconds(600))

        let record = try #require(harness.scheduler.record(for: key))
        #expect(record.state == .disabled)
        #expect(harness.transport.times(by: key) == [firstSend])
        #expect(succeeds ? record.pingsOK == 1 : record.pingsFailed == 1)
    }
}
