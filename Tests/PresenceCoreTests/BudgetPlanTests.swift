import PresenceCore
import Testing

/// `BudgetPlan` alone: which interval a roster runs at under an hourly budget, and the refusal.
@Suite("BudgetPlan")
struct BudgetPlanTests {
    /// The defaults: 60 s interval, 10 s timeout, 120 s presence window (longest safe: 110 s).
    let ping = PingSettings()

    @Test("3 agents under 100/hour stretch to the longest safe interval, 110 s")
    func threeAgentsStretch() throws {
        let plan = try BudgetPlan(agents: 3, ping: ping, budget: 100)
        #expect(plan.interval == .seconds(110))
        #expect(plan.stretched)
        #expect(plan.requestsPerHour <= 100)
        #expect(plan.budget == 100)
    }

    @Test("1 agent under 100/hour keeps the 60 s interval")
    func oneAgentFits() throws {
        let plan = try BudgetPlan(agents: 1, ping: ping, budget: 100)
        #expect(plan.interval == .seconds(60))
        #expect(!plan.stretched)
        #expect(plan.requestsPerHour == 60)
        #expect(plan.retryAllowancePerHour == 40)
    }

    @Test("2 agents under 100/hour stretch to a rounded interval that leaves a tenth for retries")
    func twoAgentsStretchPartly() throws {
        let plan = try BudgetPlan(agents: 2, ping: ping, budget: 100)
        #expect(plan.interval == .seconds(80))
        #expect(plan.stretched)
        #expect(plan.requestsPerHour <= 90)
    }

    @Test("7 agents under 100/hour are refused with the arithmetic")
    func sevenAgentsRefused() {
        #expect {
            _ = try BudgetPlan(agents: 7, ping: ping, budget: 100)
        } throws: { error in
            (error as? BudgetError)?.description == "7 agents need ≥ 229 requests/hour at the longest safe "
                + "interval of 110 s; the budget is 100: at most 3 agents fit"
        }
    }

    @Test("no budget: the configured interval, whatever the roster")
    func noBudget() throws {
        let plan = try BudgetPlan(agents: 1_000, ping: ping, budget: nil)
        #expect(plan.interval == .seconds(60))
        #expect(!plan.stretched)
        #expect(plan.retryAllowancePerHour == nil)
    }

    @Test("an empty roster fits any budget")
    func noAgents() throws {
        let plan = try BudgetPlan(agents: 0, ping: ping, budget: 1)
        #expect(plan.interval == .seconds(60))
        #expect(plan.requestsPerHour == 0)
    }
}
