import Testing
@testable import PresenceCore

@Suite struct PresenceSchedulerTests {
    /// The first ping is an extra, off-grid one (within seconds of the start, so no agent
    /// waits up to an interval); from the next tick on, each agent pings exactly once per
    /// interval. Counted per agent over ten grid-aligned intervals, half an interval either
    /// side of its ticks, so the jitter cannot move a ping across a boundary.
    @Test func fiveHundredAgentsGetExactlyTenPingsInTenIntervals() {
        let interval = Duration.seconds(60)
        let harness = SchedulerHarness(Rosters.config(Rosters.agents(500), interval: interval, jitter: .seconds(2)))
        harness.run(for: interval * 13)
        let schedule = harness.scheduler.accounts[0].schedule
        let times = harness.transport.timesByAgent()
        #expect(times.count == 500)
        for (key, sends) in times {
            let phase = schedule.phase(of: key)
            let from = schedule.gridTime(phase: phase, tick: 1) - interval / 2
            let to = schedule.gridTime(phase: phase, tick: 11) - interval / 2
            let count = sends.filter { $0 >= from && $0 < to }.count
            #expect(count == 10, "\(key) got \(count) pings")
        }
    }

    @Test func jitteredTicksStayOnTheirGridAndAtLeastHalfAnIntervalApart() {
        let interval = Duration.seconds(60), jitter = Duration.seconds(15)
        let harness = SchedulerHarness(Rosters.config(Rosters.agents(200), interval: interval, jitter: jitter))
        harness.run(for: interval * 50)
        let schedule = harness.scheduler.accounts[0].schedule
        for (key, sends) in harness.transport.timesByAgent() {
            #expect((49...51).contains(sends.count), "\(key): \(sends.count) pings in 50 intervals")
            let phase = schedule.phase(of: key)
            for (earlier, later) in zip(sends, sends.dropFirst()) {
                #expect(later - earlier >= interval / 2, "\(key): pings \(later - earlier) apart")
            }
            for send in sends.dropFirst() {
                let tick = (send - schedule.origin - phase + interval / 2).nanoseconds / interval.nanoseconds
                let offset = send - schedule.gridTime(phase: phase, tick: tick)
                #expect(offset >= .zero - jitter && offset <= jitter, "\(key): \(offset) off its grid")
            }
        }
    }

    @Test func startupSpreadsFirstPingsOverAFewSecondsWithoutABurst() {
        let harness = SchedulerHarness(Rosters.config(Rosters.agents(500)))
        harness.run(for: .seconds(5))
        let firsts = harness.transport.timesByAgent().values.compactMap(\.first)
        #expect(firsts.count == 500)
        #expect(firsts.allSatisfy { $0 - harness.start <= .seconds(3) })
        var perTenthOfASecond: [Int64: Int] = [:]
        for first in firsts { perTenthOfASecond[(first - harness.start).milliseconds / 100, default: 0] += 1 }
        #expect(perTenthOfASecond.values.max()! <= 40, "a burst of \(perTenthOfASecond.values.max()!) first pings in 100 ms")
        #expect(perTenthOfASecond.count >= 25)
    }

    @Test func disabledAgentsAreNeverPinged() {
        let agents = Rosters.agents(20, disabled: [3, 7, 11])
        let harness = SchedulerHarness(Rosters.config(agents))
        harness.run(for: .seconds(600))
        let pinged = Set(harness.transport.sent.map(\.key))
        #expect(pinged.count == 17)
        for index in [3, 7, 11] { #expect(!pinged.contains(agents[index].key)) }
        #expect(harness.scheduler.snapshot().filter { $0.state == .disabled }.count == 3)
    }

    /// Ten missed intervals (a stalled process, a suspended machine) give each agent one prompt
    /// ping, spread over the startup window, never a replay of the missed ticks.
    @Test func aStallRepingsEveryAgentOnceWithoutReplayingMissedTicks() {
        let harness = SchedulerHarness(Rosters.config(Rosters.agents(10), jitter: .zero))
        harness.run(for: .seconds(120))
        let before = harness.transport.sent.count
        harness.timeline.stall(for: .seconds(600))
        let resumed = harness.timeline.now
        harness.timeline.advance(by: .seconds(3))
        let burst = harness.transport.sent.dropFirst(before)
        #expect(burst.count == 10, "after a 10-interval stall each agent pings once, got \(burst.count)")
        #expect(Set(burst.map(\.key)).count == 10)
        #expect(burst.allSatisfy { $0.at - resumed <= .seconds(3) })
        harness.timeline.advance(by: .seconds(25))
        #expect(harness.transport.sent.count - before == 10)
    }

    @Test func inFlightRequestsNeverExceedTheCap() {
        let harness = SchedulerHarness(Rosters.config(Rosters.agents(100), interval: .seconds(10), jitter: .zero, maxInFlight: 4))
        harness.transport.latency = .milliseconds(400)
        harness.run(for: .seconds(60))
        #expect(harness.transport.maxInFlight == 4)
        #expect(Set(harness.transport.sent.map(\.key)).count == 100)
    }

    @Test func statesFollowOutcomes() {
        let agents = Rosters.agents(3)
        let failing = agents[1].key, rejected = agents[2].key
        let harness = SchedulerHarness(Rosters.config(agents, interval: .seconds(60), window: .seconds(120)))
        harness.transport.answer = { request, _ in
            switch request.identity.key {
            case failing: .httpError(status: 503, code: "unavailable", message: "down")
            case rejected: .httpError(status: 404, code: "document_not_found", message: "Agent not found")
            default: .success()
            }
        }
        harness.run(for: .seconds(10))
        #expect(harness.scheduler.record(for: agents[0].key)?.state == .online)
        #expect(harness.scheduler.record(for: failing)?.state == .retrying)
        #expect(harness.scheduler.record(for: rejected)?.state == .rejected)
        #expect(harness.scheduler.record(for: rejected)?.lastError == "HTTP 404 (document_not_found): Agent not found")
        harness.run(for: .seconds(200))
        harness.scheduler.refreshLapses()
        let lapsed = harness.scheduler.record(for: failing)
        #expect(lapsed?.state == .lapsed)
        #expect(lapsed?.consecutiveFailures == lapsed?.pingsFailed)
        #expect(harness.scheduler.record(for: agents[0].key)?.pingsOK == 4)
    }

    @Test func stopCancelsEveryTimer() {
        let harness = SchedulerHarness(Rosters.config(Rosters.agents(50)))
        harness.run(for: .seconds(90))
        let before = harness.transport.sent.count
        harness.scheduler.stop()
        harness.run(for: .seconds(900))
        #expect(harness.transport.sent.count == before)
        #expect(harness.scheduler.snapshot().allSatisfy { $0.nextPingAt == nil })
    }
}
