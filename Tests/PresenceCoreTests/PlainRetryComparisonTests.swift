import Testing
@testable import PresenceCore

/// The same fault runs with plain retries (fixed exponential backoff, no jitter, no budget),
/// to show what the jitter and the budget buy. The figures go to the closing note.
@Suite struct PlainRetryComparisonTests {
    static let interval = Duration.seconds(60)
    static let plain = RetryPolicy(jittered: false)

    @Test func plainRetriesTurnAFullOutageIntoMoreRequestsThanTheBudgetedPolicy() {
        func outageRequests(policy: RetryPolicy, budget: RetryBudget?) -> Int {
            let harness = SchedulerHarness(Rosters.config(Rosters.agents(200)), seed: 4, retryPolicy: policy, retryBudget: budget)
            let start = harness.start + Self.interval * 10, end = harness.start + Self.interval * 40
            harness.transport.answer = { _, now in (start..<end).contains(now) ? FaultScript.unavailable : .success() }
            harness.run(for: Self.interval * 45)
            return harness.transport.count(in: start..<end)
        }
        let budgeted = outageRequests(policy: RetryPolicy(), budget: nil)
        let plain = outageRequests(policy: Self.plain, budget: .unlimited)
        print("100 % outage, 30 intervals, 200 agents: budgeted \(budgeted) requests (\(Double(budgeted) / 6000)×), plain \(plain) (\(Double(plain) / 6000)×)")
        #expect(plain > budgeted)
    }

    @Test func plainRetriesUnderHalfFailingPings() {
        let agents = Rosters.agents(200)
        let harness = SchedulerHarness(Rosters.config(agents), seed: 3, retryPolicy: Self.plain, retryBudget: .unlimited)
        let faults = FaultScript(seed: 11)
        harness.transport.answer = { _, _ in faults.chance(0.5) ? FaultScript.unavailable : .success() }
        harness.run(for: Self.interval * 100)
        let gaps = worstGaps(harness.transport.successesByAgent(), keys: agents.map(\.key), start: harness.start, end: harness.timeline.now)
        let lapses = gaps.values.filter { $0 > .seconds(120) }.count
        let perAgentInterval = Double(harness.transport.sent.count) / (200 * 100)
        print("plain retries, 50 % 503s, 200 agents, 100 intervals: \(lapses) lapses, \(perAgentInterval) requests per agent-interval, worst gap \(gaps.values.max() ?? .zero)")
        #expect(harness.transport.sent.count > 20_000)
    }
}
