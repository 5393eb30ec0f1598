import PresenceCore
import Testing

@Suite struct ProbeBudgetTests {
    let start = MonotonicTime(nanoseconds: 1_000_000_000)

    @Test func threeProbesMayGoBackToBackThenOneEveryHalfInterval() {
        var budget = ProbeBudget(interval: .seconds(60), at: start)
        for _ in 0..<3 {
            #expect(budget.availableAt(start) == start)
            budget.spend(at: start)
        }
        #expect(budget.availableAt(start) == start + .seconds(30))
        budget.spend(at: start + .seconds(30))
        #expect(budget.availableAt(start + .seconds(30)) == start + .seconds(60))
    }

    @Test func oneProbePerIntervalNeverWaits() {
        var budget = ProbeBudget(interval: .seconds(60), at: start)
        for minute in 0..<120 {
            let now = start + .seconds(Int64(minute) * 60)
            #expect(budget.availableAt(now) == now)
            budget.spend(at: now)
        }
    }
}
