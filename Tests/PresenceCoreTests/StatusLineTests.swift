import Testing
@testable import PresenceCore

/// `STATUS=`: the roster's line as before, and the bots that are down at its end.
@Suite struct StatusLineTests {
    static let summary = RosterSummary(counts: [.online: 11, .botDown: 1])

    static func bot(_ name: String, _ outcome: ProbeOutcome?) -> BotReport {
        var health = BotHealth(since: .zero)
        if let outcome { health.record(outcome, at: .zero + .seconds(1), downAfter: 1, upAfter: 1) }
        return BotReport(name: name, health: health)
    }

    static func down(_ name: String) -> BotReport { bot(name, ProbeAnswers.nlpDown) }

    static func line(_ bots: [BotReport]) -> String {
        StatusLine.text(summary: summary, accounts: [], namesAccounts: false, bots: bots)
    }

    @Test func withNoBotDownTheLineIsUnchanged() {
        #expect(Self.line([]) == "12 agents: 11 online, 1 bot_down")
        #expect(Self.line([Self.bot("faq", nil), Self.bot("helpbot", ProbeAnswers.healthy)]) == "12 agents: 11 online, 1 bot_down")
    }

    @Test func oneBotDownIsNamed() {
        #expect(Self.line([Self.bot("faq", ProbeAnswers.healthy), Self.down("helpbot")]) == "12 agents: 11 online, 1 bot_down; bot helpbot down")
    }

    @Test func severalBotsDownAreListedByNameAndCountedPastThree() {
        #expect(Self.line([Self.down("helpbot"), Self.down("faq")]) == "12 agents: 11 online, 1 bot_down; bots down: faq, helpbot")
        let five = ["e", "d", "c", "b", "a"].map(Self.down)
        #expect(Self.line(five) == "12 agents: 11 online, 1 bot_down; bots down: a, b, c, 2 more")
    }

    @Test func aSchedulersDownBotEndsItsLine() {
        let harness = SchedulerHarness(Bots.config(bots: 2, humans: 1))
        harness.broker.answer = { _, _ in ProbeAnswers.nlpDown }
        harness.run(for: .seconds(300))
        let line = StatusLine.text(summary: harness.scheduler.summary, accounts: harness.scheduler.accounts, namesAccounts: false,
                                   bots: harness.scheduler.botReports)
        #expect(line == "3 agents: 1 online, 2 bot_down; bot helpbot down")
    }
}
