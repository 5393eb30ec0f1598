import Foundation
import Testing
@testable import PresenceCore

/// Run-time overrides as a source of presence: `away` holds at once, `clear` and an `until`
/// give the agent back, refusals leave everything as it was (issue 12).
@Suite struct PresenceSchedulerOverrideTests {
    let agents = Rosters.agents(5)

    func wallNow(_ harness: SchedulerHarness) -> Date {
        harness.timeline.wallDate(at: harness.timeline.now)
    }

    @Test func awayStopsTheAgentsPingsAtOnceAndLeavesTheOthersAlone() throws {
        let harness = SchedulerHarness(Rosters.config(agents))
        harness.run(for: .seconds(65))
        let key = agents[1].key
        let record = try harness.scheduler.setOverride(PresenceOverride(mode: .away, reason: "lunch", setAt: wallNow(harness)), for: key).get()
        #expect(record.state == .away)
        #expect(record.nextPingAt == nil)
        let setAt = harness.timeline.now
        harness.run(for: .seconds(365))
        #expect(harness.transport.times(by: key).allSatisfy { $0 < setAt })
        for other in agents where other.key != key {
            #expect(harness.transport.times(by: other.key).filter { $0 > setAt }.count >= 4)
        }
        #expect(harness.scheduler.summary.counts[.away] == 1)
    }

    @Test func clearingGivesTheAgentBackWithinTheStartupSpread() throws {
        let harness = SchedulerHarness(Rosters.config(agents))
        harness.run(for: .seconds(30))
        let key = agents[2].key
        _ = try harness.scheduler.setOverride(PresenceOverride(mode: .away, setAt: wallNow(harness)), for: key).get()
        harness.run(for: .seconds(300))
        let clearedAt = harness.timeline.now
        let record = try harness.scheduler.clearOverride(for: key).get()
        #expect(record.state == .pending)
        harness.run(for: .seconds(304))
        let next = try #require(harness.transport.times(by: key).first { $0 >= clearedAt })
        #expect(next - clearedAt <= .seconds(3))
        #expect(harness.scheduler.overridesInForce.isEmpty)
    }

    @Test func anOverrideEndsByItselfAtItsUntil() throws {
        let observer = OverrideRecorder()
        let harness = SchedulerHarness(Rosters.config(agents), observer: observer)
        harness.run(for: .seconds(30))
        let key = agents[0].key
        let until = wallNow(harness).addingTimeInterval(600)
        _ = try harness.scheduler.setOverride(PresenceOverride(mode: .away, until: until, setAt: wallNow(harness)), for: key).get()
        harness.run(for: .seconds(629))
        #expect(harness.scheduler.record(for: key)?.state == .away)
        harness.run(for: .seconds(631))
        #expect(harness.scheduler.record(for: key)?.state != .away)
        #expect(observer.events.map(\.event) == [.set, .expired])
        harness.run(for: .seconds(634))
        let sends = harness.transport.times(by: key).filter { $0 > harness.start + .seconds(30) }
        #expect(sends.count == 1, "one ping within 3 s of the expiry, none while away")
        #expect(observer.persisted.last?.isEmpty == true)
    }

    @Test func onlineOnAnAgentAlreadyPingingChangesNothing() throws {
        let harness = SchedulerHarness(Rosters.config(agents))
        harness.run(for: .seconds(30))
        let before = harness.transport.sent.count
        _ = try harness.scheduler.setOverride(PresenceOverride(mode: .online, setAt: wallNow(harness)), for: agents[0].key).get()
        harness.run(for: .seconds(31))
        #expect(harness.transport.sent.count == before)
    }

    @Test func refusalsNameTheirReasonAndChangeNothing() {
        var roster = agents
        roster[3].enabled = false
        let harness = SchedulerHarness(Rosters.config(roster))
        harness.run(for: .seconds(10))
        let now = wallNow(harness)
        let away = PresenceOverride(mode: .away, setAt: now)
        #expect(harness.scheduler.setOverride(away, for: AgentKey("id:nobody")) == .failure(.unknownAgent(AgentKey("id:nobody"))))
        #expect(harness.scheduler.setOverride(away, for: roster[3].key) == .failure(.disabled(roster[3].key)))
        let ended = PresenceOverride(mode: .away, until: now.addingTimeInterval(-1), setAt: now)
        #expect(harness.scheduler.setOverride(ended, for: roster[0].key) == .failure(.alreadyEnded(roster[0].key)))
        let rambling = PresenceOverride(mode: .away, reason: String(repeating: "x", count: 501), setAt: now)
        #expect(harness.scheduler.setOverride(rambling, for: roster[0].key) == .failure(.badReason("the reason is 501 characters long; at most 500")))
        let twoLines = PresenceOverride(mode: .away, reason: "lunch\nMESSAGE_ID=forged", setAt: now)
        #expect(harness.scheduler.setOverride(twoLines, for: roster[0].key) == .failure(.badReason("the reason must be one line of text, without control characters")))
        #expect(harness.scheduler.overridesInForce.isEmpty)
        #expect(harness.scheduler.summary.counts[.away] == nil)
    }

    /// A wall-clock step past an override's end (its timer runs on the monotonic clock) is
    /// caught by the housekeeping pass.
    @Test func aWallClockStepPastTheEndExpiresTheOverrideOnTheNextPass() throws {
        let observer = OverrideRecorder()
        let harness = SchedulerHarness(Rosters.config(agents), observer: observer)
        harness.run(for: .seconds(10))
        let key = agents[0].key
        let until = wallNow(harness).addingTimeInterval(600)
        _ = try harness.scheduler.setOverride(PresenceOverride(mode: .away, until: until, setAt: wallNow(harness)), for: key).get()
        harness.scheduler.expireOverrides()
        #expect(harness.scheduler.record(for: key)?.state == .away)
        harness.timeline.stepWallClock(by: 700)
        harness.scheduler.expireOverrides()
        #expect(observer.events.map(\.event) == [.set, .expired])
        #expect(harness.scheduler.record(for: key)?.state == .pending)
    }

    @Test func aLateAnswerDoesNotBringAnAwayAgentBackOnline() throws {
        let harness = SchedulerHarness(Rosters.config(Array(agents.prefix(1))))
        harness.transport.latency = .seconds(5)
        let key = agents[0].key
        harness.run(for: .seconds(4))
        #expect(harness.scheduler.record(for: key)?.inFlight == true)
        _ = try harness.scheduler.setOverride(PresenceOverride(mode: .away, setAt: wallNow(harness)), for: key).get()
        harness.run(for: .seconds(120))
        let record = try #require(harness.scheduler.record(for: key))
        #expect(record.state == .away)
        #expect(record.pingsOK == 1)
        #expect(harness.transport.sent.count == 1)
    }

    @Test func overridesOutliveAReloadButNotTheirAgent() throws {
        let observer = OverrideRecorder()
        let harness = SchedulerHarness(Rosters.config(agents), observer: observer)
        harness.run(for: .seconds(10))
        for agent in agents.prefix(2) {
            _ = try harness.scheduler.setOverride(PresenceOverride(mode: .away, setAt: wallNow(harness)), for: agent.key).get()
        }
        harness.scheduler.apply(Rosters.config(Array(agents.dropFirst())))
        #expect(Array(harness.scheduler.overridesInForce.keys) == [agents[1].key])
        #expect(harness.scheduler.record(for: agents[1].key)?.state == .away)
        #expect(observer.persisted.last.map { Array($0.keys) } == [agents[1].key])
        let reloadedAt = harness.timeline.now
        harness.run(for: .seconds(200))
        #expect(harness.transport.times(by: agents[1].key).allSatisfy { $0 < reloadedAt })
    }

    @Test func restoringDropsEndedAndUnknownOverridesAndHoldsTheRest() {
        let timeline = VirtualTimeline()
        let transport = ScriptedTransport(timeline: timeline)
        let scheduler = PresenceScheduler(config: Rosters.config(agents), clock: timeline, timers: timeline, transport: transport, random: SeededRandom(seed: 1))
        let now = timeline.wallDate(at: timeline.now)
        let saved: [AgentKey: PresenceOverride] = [
            agents[0].key: PresenceOverride(mode: .away, until: now.addingTimeInterval(120), setAt: now.addingTimeInterval(-60)),
            agents[1].key: PresenceOverride(mode: .away, until: now.addingTimeInterval(-5), setAt: now.addingTimeInterval(-60)),
            AgentKey("id:gone"): PresenceOverride(mode: .online, setAt: now),
        ]
        let dropped = scheduler.restoreOverrides(saved)
        #expect(dropped == [agents[1].key, AgentKey("id:gone")])
        scheduler.start()
        #expect(scheduler.record(for: agents[0].key)?.state == .away)
        timeline.advance(by: .seconds(119))
        #expect(transport.times(by: agents[0].key).isEmpty)
        timeline.advance(by: .seconds(5))
        #expect(transport.times(by: agents[0].key).count == 1)
    }
}

/// Keeps the override events and the sets handed over for persisting.
final class OverrideRecorder: PresenceObserver, @unchecked Sendable {
    private(set) var events: [(key: AgentKey, event: OverrideEvent)] = []
    private(set) var persisted: [[AgentKey: PresenceOverride]] = []
    private(set) var shifts: [(schedule: String, isOn: Bool, agents: Int)] = []

    func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?) {}
    func pingCompleted(_ record: AgentRecord, outcome: PingOutcome) {}
    func overrideChanged(_ record: AgentRecord, override: PresenceOverride, event: OverrideEvent) {
        events.append((record.spec.key, event))
    }
    func overridesChanged(_ overrides: [AgentKey: PresenceOverride]) {
        persisted.append(overrides)
    }
    func shiftChanged(schedule: String, isOn: Bool, agents: Int, changesAt: Date?) {
        shifts.append((schedule, isOn, agents))
    }
}
