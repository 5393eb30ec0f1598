import PresenceCore
import Testing

/// Reloads and re-probes of bots, in virtual time.
@Suite struct PresenceSchedulerBotReloadTests {
    @Test func aReloadThatLeavesTheBotAloneKeepsItsStateAndCadence() {
        let config = Bots.config(bots: 5)
        let untouched = SchedulerHarness(config)
        untouched.run(for: .seconds(1200))
        let reloaded = SchedulerHarness(config)
        reloaded.run(for: .seconds(300))
        var next = config
        next.agents += Rosters.agents(3, prefix: "new")
        reloaded.scheduler.apply(next)
        reloaded.run(for: .seconds(1200))
        #expect(reloaded.broker.times(of: "helpbot") == untouched.broker.times(of: "helpbot"))
        #expect(reloaded.scheduler.botReports.first?.health.probesOK == untouched.scheduler.botReports.first?.health.probesOK)
    }

    @Test func aNewTargetStartsOverAndIsProbedWithinSeconds() throws {
        let harness = SchedulerHarness(Bots.config(bots: 5))
        harness.run(for: .seconds(300))
        #expect(harness.scheduler.botReports.first?.health.state == .up)
        var moved = Bots.settings()
        moved.channel = "9f310000-0000-4000-8000-0000000000ff"
        let reloadedAt = harness.timeline.now
        let start = harness.start
        harness.broker.answer = { request, now in
            request.bot.channel.hasSuffix("ff") && now - start > .seconds(300) ? ProbeAnswers.nlpDown : ProbeAnswers.healthy
        }
        harness.scheduler.apply(Bots.config(bots: 5, bot: moved))
        #expect(harness.scheduler.botReports.first?.health.state == .unknown)
        // Held from the reload: no ping leaves before the new target answers.
        #expect(harness.scheduler.snapshot().allSatisfy { $0.state == .botDown })
        harness.run(for: .seconds(302))
        let reprobe = try #require(harness.broker.probes.first { $0.at >= reloadedAt })
        #expect(reprobe.at - reloadedAt <= .seconds(2))
        #expect(reprobe.request.bot.channel == moved.channel)
        harness.run(for: .seconds(900))
        #expect(harness.transport.sent.allSatisfy { $0.at < reloadedAt + .seconds(1) })
    }

    @Test func aNewCadenceKeepsTheStateAndReprobesPromptly() throws {
        let harness = SchedulerHarness(Bots.config(bots: 5))
        harness.run(for: .seconds(300))
        let reloadedAt = harness.timeline.now
        let sentBefore = harness.transport.sent.count
        harness.scheduler.apply(Bots.config(bots: 5, bot: Bots.settings(interval: .seconds(30))))
        #expect(harness.scheduler.botReports.first?.health.state == .up)
        harness.run(for: .seconds(600))
        let after = harness.broker.times(of: "helpbot").filter { $0 >= reloadedAt }
        let first = try #require(after.first)
        #expect(first - reloadedAt <= .seconds(2))
        #expect(after.count >= 9 && after.count <= 11)
        // The agents never stopped.
        #expect(harness.transport.sent.count - sentBefore >= 5 * 4)
    }

    @Test func reprobesStayWithinTheBotsBudget() {
        let harness = SchedulerHarness(Bots.config(bots: 1))
        harness.run(for: .seconds(100))
        let stormAt = harness.timeline.now
        for _ in 0..<20 {
            harness.scheduler.reprobe(bots: ["helpbot"])
            harness.timeline.advance(by: .seconds(3))
        }
        harness.run(for: .seconds(100 + 60))
        let inStorm = harness.broker.times(of: "helpbot").filter { $0 >= stormAt }
        // Three back to back, then one per half interval.
        #expect(inStorm.count <= 3 + 2 + 1)
        #expect(inStorm.count >= 3)
    }

    @Test func aBotTheAgentsNoLongerUseIsDropped() {
        let harness = SchedulerHarness(Bots.config(bots: 3))
        harness.run(for: .seconds(120))
        harness.scheduler.apply(Rosters.config(Rosters.agents(3, prefix: "bot")))
        let droppedAt = harness.timeline.now
        harness.run(for: .seconds(600))
        #expect(harness.scheduler.botReports.isEmpty)
        #expect(harness.broker.times(of: "helpbot").allSatisfy { $0 < droppedAt })
        #expect(harness.scheduler.snapshot().allSatisfy { $0.state == .online })
    }
}
