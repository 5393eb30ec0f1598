import PresenceCore
import Testing

/// A bot's health as a presence source, in virtual time: its agents follow their bot's probes.
@Suite struct PresenceSchedulerBotTests {
    /// A Broker that answers `healthy` outside `down` (seconds after `start`) and `failure` in it.
    static func broker(_ harness: SchedulerHarness, down: Range<Int64>, failure: ProbeOutcome = ProbeAnswers.nlpDown) {
        let start = harness.start
        harness.broker.answer = { _, now in
            down.contains((now - start).nanoseconds / 1_000_000_000) ? failure : ProbeAnswers.healthy
        }
    }

    @Test func oneProbePerIntervalWhateverTheNumberOfAgents() {
        let harness = SchedulerHarness(Bots.config(bots: 200))
        harness.run(for: .seconds(3600))
        let times = harness.broker.times(of: "helpbot")
        #expect(times.count >= 60 && times.count <= 61)
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later - earlier >= .seconds(30))
        }
        // Every agent pinged about once a minute all along.
        #expect(harness.transport.timesByAgent().count == 200)
    }

    @Test func botAgentsWaitForTheFirstGoodProbeThenPingWithinSeconds() throws {
        let harness = SchedulerHarness(Bots.config(bots: 20, humans: 5))
        harness.run(for: .seconds(10))
        let firstProbe = try #require(harness.broker.times(of: "helpbot").first)
        #expect(firstProbe - harness.start < .seconds(2))
        let answered = firstProbe + harness.broker.latency
        for (key, times) in harness.transport.timesByAgent() where key.rawValue.hasPrefix("id:bot") {
            let first = try #require(times.first)
            #expect(first >= answered)
            #expect(first - answered <= .seconds(3))
        }
        #expect(harness.transport.timesByAgent().count == 25)
    }

    @Test func aFailingBotHoldsItsAgentsAndNeverLetsThemPing() {
        let harness = SchedulerHarness(Bots.config(bots: 10))
        harness.broker.answer = { _, _ in ProbeAnswers.nlpDown }
        harness.run(for: .seconds(600))
        #expect(harness.transport.sent.isEmpty)
        #expect(harness.scheduler.snapshot().allSatisfy { $0.state == .botDown })
        #expect(harness.scheduler.botReports.first?.health.state == .down)
    }

    @Test func agentsStopWithinAnIntervalOfTheBotGoingDownAndComeBackWithinSeconds() throws {
        let harness = SchedulerHarness(Bots.config(bots: 30, humans: 10))
        Self.broker(harness, down: 600..<1200)
        harness.run(for: .seconds(1800))
        let probes = harness.broker.probes.filter { $0.bot == "helpbot" }
        let firstFailure = try #require(probes.first { !$0.outcome.isHealthy })
        let failures = probes.filter { !$0.outcome.isHealthy }
        // down_after 2: the second failure in a row takes the bot down.
        let wentDown = failures[1].at + harness.broker.latency
        #expect(wentDown - firstFailure.at <= .seconds(63))
        let cameBack = try #require(probes.first { $0.at > firstFailure.at && $0.outcome.isHealthy }).at + harness.broker.latency
        for (key, times) in harness.transport.timesByAgent() {
            if key.rawValue.hasPrefix("id:bot") {
                #expect(!times.contains { $0 > wentDown && $0 < cameBack })
                let lastBefore = try #require(times.last { $0 <= wentDown })
                #expect(wentDown - lastBefore <= .seconds(62))
                let firstAfter = try #require(times.first { $0 >= cameBack })
                #expect(firstAfter - cameBack <= .seconds(3))
            } else {
                // A human next to the bot is undisturbed: a ping every interval throughout (once
                // on its grid: a first ping may come up to half an interval before it).
                let settled = times.drop { $0 - harness.start < .seconds(120) }
                #expect(settled.count >= 27)
                for (earlier, later) in zip(settled, settled.dropFirst()) { #expect(later - earlier <= .seconds(64)) }
            }
        }
    }

    @Test func onlyOneObserverCallPerChangeOfTheBot() {
        let observer = BotRecorder()
        let harness = SchedulerHarness(Bots.config(bots: 50), observer: observer)
        Self.broker(harness, down: 300..<600)
        harness.run(for: .seconds(900))
        #expect(observer.changes.map(\.to) == [.up, .down, .up])
        #expect(observer.changes.allSatisfy { $0.agents == 50 })
        #expect(observer.probes > 10)
    }

    @Test func a429Or5xxBacksOffInsteadOfKeepingToTheInterval() throws {
        let harness = SchedulerHarness(Bots.config(bots: 3))
        Self.broker(harness, down: 300..<1500, failure: ProbeAnswers.overloaded)
        harness.run(for: .seconds(2400))
        let times = harness.broker.times(of: "helpbot")
        let gaps = zip(times, times.dropFirst()).map { ($1 - $0).nanoseconds / 1_000_000_000 }
        // 60 s, then 120 s and 240 s while the Broker answers 503, then 60 s again.
        #expect(gaps.contains { $0 >= 119 && $0 <= 121 })
        #expect(gaps.contains { $0 >= 239 && $0 <= 241 })
        #expect(gaps.allSatisfy { $0 <= 241 })
        let failures = harness.broker.probes.filter { !$0.outcome.isHealthy }.count
        #expect(failures <= 7) // 20 minutes of a 503 at 1 a minute would be 20
        #expect(gaps.suffix(5).allSatisfy { $0 >= 55 && $0 <= 65 })
    }

    @Test func retryAfterIsHonoured() {
        let harness = SchedulerHarness(Bots.config(bots: 1))
        let limited = ProbeOutcome.failed(.http(status: 429, message: nil), status: 429, retryAfter: .seconds(900))
        let start = harness.start
        harness.broker.answer = { _, now in now - start < .seconds(5) ? limited : ProbeAnswers.healthy }
        harness.run(for: .seconds(1000))
        let times = harness.broker.times(of: "helpbot")
        #expect(times.count >= 2)
        #expect(times[1] - times[0] >= .seconds(900))
    }

    @Test func anOnlineOverrideKeepsABotAgentOnlineWhileItsBotIsDown() {
        let harness = SchedulerHarness(Bots.config(bots: 2))
        harness.broker.answer = { _, _ in ProbeAnswers.nlpDown }
        harness.run(for: .seconds(200))
        let key = AgentKey("id:bot0000")
        _ = harness.scheduler.setOverride(PresenceOverride(mode: .online, until: nil, reason: "human takes over", setAt: harness.timeline.wallDate(at: harness.timeline.now)), for: key)
        harness.run(for: .seconds(400))
        #expect(!harness.transport.times(by: key).isEmpty)
        #expect(harness.transport.times(by: AgentKey("id:bot0001")).isEmpty)
    }
}

/// An observer that keeps the bots' changes.
final class BotRecorder: PresenceObserver, @unchecked Sendable {
    private(set) var changes: [(bot: String, to: BotHealth.State, agents: Int)] = []
    private(set) var probes = 0

    func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?) {}
    func pingCompleted(_ record: AgentRecord, outcome: PingOutcome) {}
    func botChanged(_ bot: BotReport, from: BotHealth.State, agents: Int) {
        changes.append((bot.name, bot.health.state, agents))
    }
    func botProbed(_ bot: String, outcome: ProbeOutcome) { probes += 1 }
}
