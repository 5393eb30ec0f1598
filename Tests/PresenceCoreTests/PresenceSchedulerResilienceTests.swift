import Testing
@testable import PresenceCore

/// Issue #3's fault runs, in virtual time with a seeded generator and the real policy code.
@Suite struct PresenceSchedulerResilienceTests {
    static let interval = Duration.seconds(60)

    @Test func halfOfAllPingsFailingFor100IntervalsLapsesNoAgent() {
        let agents = Rosters.agents(200)
        let harness = SchedulerHarness(Rosters.config(agents), seed: 3)
        let faults = FaultScript(seed: 11)
        harness.transport.answer = { _, _ in faults.chance(0.5) ? FaultScript.unavailable : .success() }
        harness.run(for: Self.interval * 100)
        let end = harness.timeline.now
        let gaps = worstGaps(harness.transport.successesByAgent(), keys: agents.map(\.key), start: harness.start, end: end)
        let worst = gaps.values.max() ?? .zero
        let lapses = gaps.values.filter { $0 > .seconds(120) }.count
        let perAgentInterval = Double(harness.transport.sent.count) / (200 * 100)
        print("50 % 503s, 200 agents, 100 intervals: \(lapses) lapses, \(perAgentInterval) requests per agent-interval, worst gap between successes \(worst)")
        #expect(lapses == 0)
        #expect(perAgentInterval < 2.5)

    }

    @Test func aFullOutageStaysUnderATenthMoreThanTheHealthyRateAndRecoversWithinAnInterval() {
        let agents = Rosters.agents(200)
        let harness = SchedulerHarness(Rosters.config(agents), seed: 4)
        let outageStart = harness.start + Self.interval * 10, outageEnd = harness.start + Self.interval * 40
        harness.transport.answer = { _, now in (outageStart..<outageEnd).contains(now) ? FaultScript.unavailable : .success() }
        harness.run(for: Self.interval * 45)
        let duringOutage = harness.transport.count(in: outageStart..<outageEnd)
        let healthy = 200 * 30
        print("100 % outage, 200 agents, 30 intervals: \(duringOutage) requests, \(Double(duringOutage) / Double(healthy))× the healthy rate")
        #expect(Double(duringOutage) <= 1.1 * Double(healthy))
        for (key, times) in harness.transport.successesByAgent() {
            let back = times.first { $0 >= outageEnd }
            #expect(back.map { $0 - outageEnd <= Self.interval + .seconds(2) } == true, "\(key) not back within an interval")
        }
    }

    @Test func aRateLimitPausesEveryAgentUntilTheResetThenResumesSpread() {
        let agents = Rosters.agents(50)
        let observer = RecordingObserver()
        let harness = SchedulerHarness(Rosters.config(agents), seed: 5, observer: observer)
        let limitFrom = harness.start + Self.interval * 3
        let limited = Box<MonotonicTime?>(nil)
        harness.transport.answer = { _, now in
            if now >= limitFrom, limited.value == nil {
                limited.value = now
                return .httpError(status: 429, code: "too_many_requests", message: "rate limited", rateLimit: RateLimitInfo(limit: 100, remaining: 0, reset: .seconds(30)))
            }
            return .success()
        }
        harness.run(for: Self.interval * 6)
        let hit = try! #require(limited.value) + harness.transport.latency
        let paused = harness.transport.sent.filter { $0.at > hit && $0.at < hit + .seconds(30) }
        #expect(paused.isEmpty, "\(paused.count) requests during the pause")
        #expect(observer.accountChanges.filter { if case .paused = $0 { true } else { false } }.count == 1)
        let resumed = harness.transport.sent.filter { $0.at >= hit + .seconds(30) && $0.at < hit + .seconds(34) }
        #expect(Set(resumed.map(\.key)).count == 50, "every agent pings right after the reset")
        var perHalfSecond: [Int64: Int] = [:]
        for sent in resumed { perHalfSecond[(sent.at - hit).milliseconds / 500, default: 0] += 1 }
        #expect(perHalfSecond.values.max()! <= 20, "the resume came in a burst: \(perHalfSecond)")
        #expect(harness.scheduler.snapshot().allSatisfy { $0.state == .online })
    }

    @Test func aBudgetOf100StretchesThreeAgentsAndNoHourExceedsIt() {
        var config = Rosters.config(Rosters.agents(3))
        config.rateLimit.requestsPerHour = 100
        let harness = SchedulerHarness(config, seed: 6)
        #expect(harness.scheduler.accounts[0].plan.interval == .seconds(110) && harness.scheduler.accounts[0].plan.stretched)
        let faults = FaultScript(seed: 2)
        harness.transport.answer = { _, _ in faults.chance(0.3) ? FaultScript.unavailable : .success() }
        harness.run(for: .seconds(4 * 3600))
        let times = harness.transport.sent.map(\.at)
        var worst = 0
        for (index, time) in times.enumerated() {
            let inHour = times[index...].prefix { $0 < time + .seconds(3600) }.count
            worst = max(worst, inHour)
        }
        print("budget 100/h, 3 agents, 30 % failures, 4 hours: at most \(worst) requests in any sliding hour")
        #expect(worst <= 100)
    }

    @Test func aRefusedKeyPausesTheAccountProbesOnlyAndRecovers() {
        let agents = Rosters.agents(20)
        let observer = RecordingObserver()
        let harness = SchedulerHarness(Rosters.config(agents), seed: 7, observer: observer)
        let from = harness.start + Self.interval * 5, until = harness.start + Self.interval * 20
        harness.transport.answer = { _, now in
            (from..<until).contains(now) ? .httpError(status: 401, code: "unauthorized", message: "Key not found") : .success()
        }
        harness.run(for: Self.interval * 30)
        let during = harness.transport.count(in: (from + .seconds(1))..<until)
        print("401 for 15 minutes, 20 agents: \(during) requests while refused (probes)")
        #expect(during <= 6, "\(during) requests while the key was refused")
        let pauses = observer.accountChanges.filter { if case .paused = $0 { true } else { false } }
        #expect(pauses.count == 1)
        #expect(observer.accountChanges.last == .resumed)
        let firstSuccess = harness.transport.sent.first { $0.at >= until && $0.outcome.isSuccess }
        let recovery = try! #require(firstSuccess).at
        for key in agents.map(\.key) {
            let back = harness.transport.successesByAgent()[key]?.first { $0 >= until }
            #expect(back.map { $0 - recovery <= .seconds(4) } == true, "\(key) did not come back with the account")
        }
    }

    @Test func aRejectedAgentIsRetriedOnlyEveryTenIntervalsAndRecoversOnItsOwn() {
        let agents = Rosters.agents(3)
        let bad = agents[0].key
        let fixedAt = MonotonicTime(nanoseconds: 0) + .seconds(1_000 + 25 * 60)
        let harness = SchedulerHarness(Rosters.config(agents, jitter: .zero), seed: 8)
        harness.transport.answer = { request, now in
            request.identity.key == bad && now < fixedAt ? .httpError(status: 404, code: "document_not_found", message: "Agent not found") : .success()
        }
        harness.run(for: Self.interval * 24)
        #expect(harness.scheduler.record(for: bad)?.state == .rejected)
        #expect(harness.transport.times(by: bad).count == 3, "startup, then every 10th tick")
        harness.run(for: Self.interval * 40)
        #expect(harness.scheduler.record(for: bad)?.state == .online)
    }

    @Test func repeatedTimeoutsRecycleConnectionsAtMostOnceAMinute() {
        let observer = RecordingObserver()
        let harness = SchedulerHarness(Rosters.config(Rosters.agents(20), interval: .seconds(10), jitter: .zero), seed: 9, observer: observer)
        harness.transport.answer = { _, _ in .transportError(.timeout, message: "timed out") }
        harness.run(for: .seconds(300))
        #expect(observer.recycles >= 3 && observer.recycles <= 5)
    }
}

/// The account's budget as Brevo reports it.
@Suite struct PresenceSchedulerRateHeaderTests {
    @Test func lowRemainingRequestsArePacedUntilTheResetInsteadOfHittingA429() {
        let agents = Rosters.agents(60)
        let harness = SchedulerHarness(Rosters.config(agents, interval: .seconds(60)), seed: 12)
        let windowEnd = harness.start + .seconds(300)
        let used = Box(0)
        harness.transport.answer = { _, now in
            used.value += 1
            // A fixed window of 200 requests, reset at 300 s: the roster would need 300.
            let remaining = max(0, 200 - used.value)
            let reset = now < windowEnd ? windowEnd - now : .seconds(3600)
            return used.value <= 200 || now >= windowEnd
                ? .success(rateLimit: RateLimitInfo(limit: 200, remaining: remaining, reset: reset))
                : .httpError(status: 429, code: "too_many_requests", message: "rate limited", rateLimit: RateLimitInfo(limit: 200, remaining: 0, reset: reset))
        }
        harness.run(for: .seconds(299))
        let sentInWindow = harness.transport.count(in: harness.start..<windowEnd)
        let limited = harness.transport.sent.filter { $0.outcome.status == 429 }.count
        print("remaining-header pacing: \(sentInWindow) requests in a 200-request window, \(limited) answered 429")
        #expect(limited == 0)
        #expect(sentInWindow <= 200)
    }

    @Test func aLimitBrevoReportsStretchesTheIntervalWhenTheConfigGivesNone() {
        let observer = RecordingObserver()
        let harness = SchedulerHarness(Rosters.config(Rosters.agents(3), interval: .seconds(60)), seed: 13, observer: observer)
        harness.transport.answer = { _, _ in .success(rateLimit: RateLimitInfo(limit: 100)) }
        harness.run(for: .seconds(600))
        #expect(harness.scheduler.accounts[0].plan.interval == .seconds(110))
        #expect(observer.plans.last?.interval == .seconds(110))
        let late = harness.transport.sent.filter { $0.at >= harness.start + .seconds(240) }.map(\.at)
        let perAgent = Double(late.count) / 3
        #expect(perAgent <= 360.0 / 110 + 1, "\(perAgent) pings per agent in 360 s")
    }
}
