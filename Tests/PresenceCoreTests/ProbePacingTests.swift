import PresenceCore
import Testing

@Suite struct ProbePacingTests {
    let origin = MonotonicTime(nanoseconds: 5_000_000_000)

    @Test func theFirstProbeGoesOutWithinTwoSeconds() {
        for name in ["a", "helpbot", "sales-bot", "x9"] {
            let pacing = ProbePacing(bot: name, interval: .seconds(60), origin: origin, seed: 1)
            let due = pacing.firstDue(from: origin)
            #expect(due >= origin && due < origin + .seconds(2))
        }
    }

    @Test func regularProbesKeepOneSlotPerIntervalAtTheBotsPhase() {
        let pacing = ProbePacing(bot: "helpbot", interval: .seconds(60), origin: origin, seed: 7)
        var last = pacing.firstDue(from: origin)
        for _ in 0..<50 {
            let next = pacing.nextDue(after: last)
            // Half an interval at least, one and a half at most (with ±3 s of jitter).
            #expect(next - last >= .seconds(27) && next - last <= .seconds(93))
            let offset = (next - origin - pacing.phase).nanoseconds % Duration.seconds(60).nanoseconds
            let distance = min(offset, Duration.seconds(60).nanoseconds - offset)
            #expect(distance <= Duration.seconds(3).nanoseconds)
            last = next
        }
    }

    @Test func twoBotsSitAtDifferentPhases() {
        let one = ProbePacing(bot: "helpbot", interval: .seconds(60), origin: origin, seed: 1)
        let two = ProbePacing(bot: "salesbot", interval: .seconds(60), origin: origin, seed: 1)
        #expect(one.phase != two.phase)
    }

    @Test func backoffDoublesToFourIntervalsAndHonoursRetryAfter() {
        let pacing = ProbePacing(bot: "helpbot", interval: .seconds(60), origin: origin, seed: 1)
        #expect(pacing.backoff(level: 1, retryAfter: nil) == .seconds(120))
        #expect(pacing.backoff(level: 2, retryAfter: nil) == .seconds(240))
        #expect(pacing.backoff(level: 9, retryAfter: nil) == .seconds(240))
        #expect(pacing.backoff(level: 1, retryAfter: .seconds(900)) == .seconds(900))
        #expect(pacing.backoff(level: 1, retryAfter: .seconds(10)) == .seconds(120))
        #expect(pacing.backoff(level: 1, retryAfter: .seconds(86_400)) == .seconds(3600))
    }
}
