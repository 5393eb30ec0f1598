import PresenceCore
import Testing

@Suite struct BotHealthTests {
    let start = MonotonicTime(nanoseconds: 1_000_000_000)

    func at(_ seconds: Int64) -> MonotonicTime { start + .seconds(seconds) }

    @Test func anUnknownBotIsUpAtItsFirstGoodProbe() {
        var health = BotHealth(since: start)
        #expect(!health.isUp)
        #expect(health.record(ProbeAnswers.healthy, at: at(1), downAfter: 2, upAfter: 3) == .up)
        #expect(health.isUp)
        #expect(health.since == at(1))
        #expect(health.lastOKAt == at(1))
    }

    @Test func anUnknownBotIsDownOnlyAfterDownAfterFailures() {
        var health = BotHealth(since: start)
        #expect(health.record(ProbeAnswers.nlpDown, at: at(1), downAfter: 2, upAfter: 1) == nil)
        #expect(health.state == .unknown)
        #expect(health.record(ProbeAnswers.nlpDown, at: at(61), downAfter: 2, upAfter: 1) == .down)
    }

    @Test func anUpBotNeedsDownAfterFailuresInARowToGoDown() {
        var health = BotHealth(since: start)
        health.record(ProbeAnswers.healthy, at: at(1), downAfter: 3, upAfter: 1)
        #expect(health.record(ProbeAnswers.nlpDown, at: at(61), downAfter: 3, upAfter: 1) == nil)
        #expect(health.record(ProbeAnswers.nlpDown, at: at(121), downAfter: 3, upAfter: 1) == nil)
        // A good probe in between starts the count again.
        #expect(health.record(ProbeAnswers.healthy, at: at(181), downAfter: 3, upAfter: 1) == nil)
        #expect(health.record(ProbeAnswers.nlpDown, at: at(241), downAfter: 3, upAfter: 1) == nil)
        #expect(health.record(ProbeAnswers.nlpDown, at: at(301), downAfter: 3, upAfter: 1) == nil)
        #expect(health.record(ProbeAnswers.nlpDown, at: at(361), downAfter: 3, upAfter: 1) == .down)
        #expect(health.consecutiveFailures == 3)
        #expect(health.since == at(361))
    }

    @Test func aDownBotNeedsUpAfterGoodProbesInARowToComeBack() {
        var health = BotHealth(since: start)
        health.record(ProbeAnswers.nlpDown, at: at(1), downAfter: 1, upAfter: 2)
        #expect(health.state == .down)
        #expect(health.record(ProbeAnswers.healthy, at: at(61), downAfter: 1, upAfter: 2) == nil)
        #expect(health.state == .down)
        #expect(health.record(ProbeAnswers.healthy, at: at(121), downAfter: 1, upAfter: 2) == .up)
    }

    @Test func countersAndTheLastErrorAreKept() {
        var health = BotHealth(since: start)
        health.record(ProbeAnswers.healthy, at: at(1), downAfter: 2, upAfter: 1)
        health.record(ProbeAnswers.nlpDown, at: at(61), downAfter: 2, upAfter: 1)
        health.record(ProbeAnswers.healthy, at: at(121), downAfter: 2, upAfter: 1)
        #expect(health.probesOK == 2)
        #expect(health.probesFailed == 1)
        #expect(health.consecutiveFailures == 0)
        #expect(health.lastError == "HTTP 462 (NLP communication error)")
        #expect(health.lastProbeAt == at(121))
    }
}
