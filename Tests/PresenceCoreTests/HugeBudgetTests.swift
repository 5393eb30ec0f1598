@testable import PresenceCore
import Testing

/// Huge budgets: the parser bounds `rate_limit.requests_per_hour`, and the budget arithmetic
/// saturates instead of trapping where a `Double` becomes an `Int`.
@Suite("Huge budgets")
struct HugeBudgetTests {
    @Test("requests_per_hour beyond 1,000,000 is refused with its line and key",
          arguments: ["9223372036854775807", "1000001", "1_000_001"])
    func budgetAboveTheBoundIsRefused(_ value: String) {
        expectOneConfigIssue("ping:\n  interval: 60s\nrate_limit:\n  requests_per_hour: \(value)\n",
                             keyPath: "rate_limit.requests_per_hour", line: 4,
                             mentions: "must be between 1 and 1000000, found ")
    }

    @Test("the refusal names the value found")
    func refusalNamesTheValue() {
        let issues = configParseIssues("rate_limit:\n  requests_per_hour: 9223372036854775807\n")
        #expect(issues.map(\.message) == ["must be between 1 and 1000000, found 9223372036854775807"])
    }

    @Test("1,000,000 requests/hour is accepted")
    func theBoundItselfIsAccepted() throws {
        let config = try ConfigParser.parse("rate_limit:\n  requests_per_hour: 1000000\n", file: "c.yaml")
        #expect(config.rateLimit.requestsPerHour == 1_000_000)
    }

    @Test("Int(saturating:) clamps, truncates toward zero and maps NaN to 0", arguments: [
        (Double.nan, 0), (.infinity, .max), (-.infinity, .min), (1e300, .max), (-1e300, .min),
        (9_223_372_036_854_775_807.0, .max), (-9_223_372_036_854_775_808.0, .min),
        (228.9, 228), (-2.5, -2), (0, 0),
    ] as [(Double, Int)])
    func saturatingConversion(_ value: Double, _ expected: Int) {
        #expect(Int(saturating: value) == expected)
    }

    @Test("a budget error over extreme values describes itself without trapping")
    func extremeBudgetError() {
        let error = BudgetError(agents: .max, longestSafeInterval: .milliseconds(1), budget: .max)
        #expect(error.needed == .max)
        #expect(error.agentsThatFit == 2_562_047_788_015)
        #expect(error.description.contains("need ≥ \(Int.max) requests/hour"))
        let zero = BudgetError(agents: 1, longestSafeInterval: .zero, budget: 0)
        #expect(zero.needed == .max)
        #expect(zero.agentsThatFit == 0)
        #expect(BudgetError(agents: 0, longestSafeInterval: .zero, budget: 1).needed == 0)
    }

    @Test("planning an extreme roster refuses it rather than trapping", arguments: [1, 100, Int.max])
    func extremeRosterIsRefused(_ budget: Int) {
        #expect(throws: BudgetError.self) {
            _ = try BudgetPlan(agents: .max, ping: PingSettings(), budget: budget)
        }
        let plan = BudgetPlan.bestEffort(agents: .max, ping: PingSettings(), budget: budget)
        #expect(plan.interval == .seconds(110))
        #expect(Int(saturating: plan.requestsPerHour.rounded(.up)) == .max)
    }

    @Test("the largest accepted budget plans a large roster")
    func largestBudget() throws {
        let plan = try BudgetPlan(agents: 20_000, ping: PingSettings(), budget: 1_000_000)
        #expect(plan.interval == .seconds(80))
        #expect(plan.requestsPerHour == 900_000)
    }
}
