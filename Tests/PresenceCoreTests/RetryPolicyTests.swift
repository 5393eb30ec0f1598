import Testing
@testable import PresenceCore

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy()

    @Test func boundsDoubleUpToTheCap() {
        #expect(policy.bound(attempt: 1) == .seconds(2))
        #expect(policy.bound(attempt: 3) == .seconds(8))
        #expect(policy.bound(attempt: 5) == .seconds(20))
        #expect(policy.bound(attempt: 64) == .seconds(20))
    }

    @Test func backoffDrawsStayInsideTheirBoundsAndUseThem() {
        var random = SeededRandom(seed: 1)
        for attempt in 1...6 {
            let draws = (0..<2000).map { _ in policy.backoff(attempt: attempt, using: &random) }
            #expect(draws.allSatisfy { $0 >= .zero && $0 <= policy.bound(attempt: attempt) })
            #expect(draws.contains { $0 > policy.bound(attempt: attempt) * 0.9 } && draws.contains { $0 < policy.bound(attempt: attempt) * 0.1 })
        }
    }

    @Test func noRetryAfterTheNextTickOrPastTheWindow() {
        var random = SeededRandom(seed: 2)
        let failed = MonotonicTime.zero + .seconds(100)
        for _ in 0..<500 {
            let start = policy.retryTime(attempt: 4, failedAt: failed, nextTickAt: failed + .seconds(5), presenceDeadline: failed + .seconds(12), timeout: .seconds(10), using: &random)
            if let start { #expect(start < failed + .seconds(2) + .nanoseconds(1)) }
        }
        let lapsed = policy.retryTime(attempt: 1, failedAt: failed, nextTickAt: failed + .seconds(60), presenceDeadline: failed - .seconds(1), timeout: .seconds(10), using: &random)
        #expect(lapsed == nil)
        let neverOnline = policy.retryTime(attempt: 1, failedAt: failed, nextTickAt: failed + .seconds(60), presenceDeadline: nil, timeout: .seconds(10), using: &random)
        #expect(neverOnline != nil)
    }

    @Test func theRetryBudgetEarnsATenthPerFirstAttemptAndOnePerSuccess() {
        var budget = RetryBudget(floor: 3, capacity: 100)
        let floor = (0..<4).map { _ in budget.takeRetryToken() }
        #expect(floor == [true, true, true, false])
        for _ in 0..<100 { budget.recordFirstAttempt() }
        var taken = 0
        while budget.takeRetryToken() { taken += 1 }
        #expect(taken == 8 || taken == 9)
        budget.recordSuccess()
        let afterSuccess = budget.takeRetryToken()
        #expect(afterSuccess)
    }
}
