@testable import BrevoStandIn
import Testing

/// The stand-in's fixed-window rate limit, in virtual time.
@Suite struct FixedWindowCounterTests {
    private let second: UInt64 = 1_000_000_000

    @Test func spendsTheBudgetThenRefuses() {
        var counter = FixedWindowCounter(limit: 2, window: .seconds(60), originNanoseconds: 1000 * second)
        let now = 1010 * second
        #expect(counter.consume(at: now).allowed)
        #expect(counter.consume(at: now).allowed)
        let refused = counter.consume(at: now)
        #expect(!refused.allowed)
        #expect(refused.snapshot == .init(limit: 2, remaining: 0, reset: .seconds(50)))
    }

    @Test func nextWindowStartsFresh() {
        var counter = FixedWindowCounter(limit: 1, window: .seconds(60), originNanoseconds: 0)
        #expect(counter.consume(at: 59 * second).allowed)
        #expect(!counter.consume(at: 59 * second).allowed)
        let fresh = counter.consume(at: 60 * second)
        #expect(fresh.allowed)
        #expect(fresh.snapshot == .init(limit: 1, remaining: 0, reset: .seconds(60)))
    }

    @Test func peekDoesNotSpend() {
        var counter = FixedWindowCounter(limit: 3, window: .seconds(10), originNanoseconds: 0)
        #expect(counter.peek(at: 0).remaining == 3)
        #expect(counter.peek(at: 0).remaining == 3)
        #expect(counter.consume(at: 0).snapshot.remaining == 2)
    }
}
