import Foundation

/// Each account's roster size and budget plan: what `check` prints and the loader validates.
public struct AccountPlans: Sendable {
    /// One account's plan.
    public struct Entry: Sendable {
        /// The account.
        public var account: AccountSettings
        /// Its enabled agents.
        public var enabledAgents: Int
        /// The most of them on shift at once over the coming week: what the plan pays for.
        public var peakOnAgents: Int
        /// All its agents, disabled ones included.
        public var agents: Int
        /// The plan, or why the roster cannot fit the account's budget.
        public var plan: Result<BudgetPlan, BudgetError>
    }

    /// The accounts' plans, in config order.
    public var entries: [Entry]

    /// Plans every account of `config` at its configured budget, counting only the agents on
    /// shift at once at the busiest moment of the week from `date`.
    public init(_ config: PresenceConfig, at date: Date) {
        let enabled = config.enabledAgentCounts()
        let peak = config.peakOnAgentCounts(around: date)
        let all = config.agentCounts()
        entries = config.accounts.enumerated().map { index, account in
            Entry(account: account, enabledAgents: enabled[index], peakOnAgents: peak[index], agents: all[index],
                  plan: Result { () throws(BudgetError) in
                      try BudgetPlan(agents: peak[index], ping: config.ping, budget: account.rateLimit.requestsPerHour)
                  })
        }
    }

    /// Whether every account's roster fits its budget.
    public var allFit: Bool {
        entries.allSatisfy { if case .success = $0.plan { true } else { false } }
    }
}

extension PresenceConfig {
    /// Enabled agents per account, in the order of ``accounts``.
    public func enabledAgentCounts() -> [Int] {
        counts { $0.enabled }
    }

    /// Per account, the most enabled agents on shift at the same moment over the eight days
    /// from `date` (every enabled agent when no schedule is in use): a budget is spent per hour,
    /// so agents who are never on together need not share it.
    public func peakOnAgentCounts(around date: Date) -> [Int] {
        guard !schedules.isEmpty else { return enabledAgentCounts() }
        var groups = [[String: Int]](repeating: [:], count: accounts.count)
        let indices = Dictionary(accounts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        for agent in agents where agent.enabled {
            groups[indices[agent.accountName] ?? 0][scheduleName(of: agent) ?? "", default: 0] += 1
        }
        return groups.map { group in
            WorkSchedule.peakOnCount(group.map { (schedule: schedules[$0.key], agents: $0.value) }, from: date)
        }
    }

    /// Agents per account, disabled ones included, in the order of ``accounts``.
    public func agentCounts() -> [Int] {
        counts { _ in true }
    }

    private func counts(where include: (AgentSpec) -> Bool) -> [Int] {
        var counts = [Int](repeating: 0, count: accounts.count)
        guard accounts.count > 1 else {
            counts[0] = agents.reduce(0) { include($1) ? $0 + 1 : $0 }
            return counts
        }
        let indices = Dictionary(accounts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        for agent in agents where include(agent) { counts[indices[agent.accountName] ?? 0] += 1 }
        return counts
    }
}
