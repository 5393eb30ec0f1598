/// Whether a roster fits the account's hourly request budget, and at which interval.
///
/// The roster needs `agents × 3600 / interval` first attempts an hour. When that plus a tenth
/// for retries exceeds the budget, the interval is stretched, but never past the longest safe
/// interval (`presence_window − timeout`: a ping must be able to finish before the presence
/// lapses). When even that interval does not fit, the config is refused with the arithmetic.
public struct BudgetPlan: Hashable, Sendable {
    /// The interval to run at.
    public var interval: Duration
    /// Whether `interval` is longer than the configured one.
    public var stretched: Bool
    /// First attempts per hour at `interval`.
    public var requestsPerHour: Double
    /// The budget, when one is known.
    public var budget: Int?

    /// Share of the budget kept for retries when the interval can be stretched that far.
    public static let retryShare = 0.1

    /// The longest interval that keeps an agent online: the presence window less one timeout.
    public static func longestSafeInterval(ping: PingSettings) -> Duration {
        max(ping.interval, ping.presenceWindow - ping.timeout)
    }

    /// Plans `agents` enabled agents under `budget` requests/hour; throws when they cannot fit.
    public init(agents: Int, ping: PingSettings, budget: Int?) throws(BudgetError) {
        self.budget = budget
        let perHour = { (interval: Duration) in Double(agents) * 3600 / interval.seconds }
        guard let budget, agents > 0 else {
            self.interval = ping.interval
            self.stretched = false
            self.requestsPerHour = perHour(ping.interval)
            return
        }
        let usable = Double(budget) * (1 - Self.retryShare)
        let longest = Self.longestSafeInterval(ping: ping)
        if perHour(ping.interval) <= usable {
            interval = ping.interval
        } else {
            // Compared as seconds before it becomes a `Duration`: a huge roster would overflow one.
            let wanted = Double(agents) * 3600 / usable
            if wanted <= longest.seconds {
                interval = .seconds(wanted.rounded(.up))
            } else if perHour(longest) <= Double(budget) {
                interval = longest
            } else {
                throw BudgetError(agents: agents, longestSafeInterval: longest, budget: budget)
            }
        }
        stretched = interval > ping.interval
        requestsPerHour = perHour(interval)
    }

    /// The plan for a roster that does not fit (a learned limit can be lower than the config's
    /// budget): the longest safe interval, the best the daemon can do.
    public static func bestEffort(agents: Int, ping: PingSettings, budget: Int?) -> BudgetPlan {
        if let plan = try? BudgetPlan(agents: agents, ping: ping, budget: budget) { return plan }
        var plan = try! BudgetPlan(agents: agents, ping: ping, budget: nil)
        plan.interval = longestSafeInterval(ping: ping)
        plan.stretched = plan.interval > ping.interval
        plan.requestsPerHour = Double(agents) * 3600 / plan.interval.seconds
        plan.budget = budget
        return plan
    }

    /// Requests per hour left for retries under the budget.
    public var retryAllowancePerHour: Double? {
        budget.map { max(0, Double($0) - requestsPerHour) }
    }
}

/// A roster that cannot fit the budget even at the longest safe interval.
public struct BudgetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Enabled agents.
    public var agents: Int
    /// The longest safe interval.
    public var longestSafeInterval: Duration
    /// The budget in requests/hour.
    public var budget: Int

    /// Requests/hour the roster needs at the longest safe interval.
    public var needed: Int { Int(saturating: Double(agents) * 3600 / longestSafeInterval.seconds) }

    /// Agents that fit the budget at the longest safe interval.
    public var agentsThatFit: Int { Int(saturating: Double(budget) * longestSafeInterval.seconds / 3600) }

    /// "7 agents need ≥ 229 requests/hour at the longest safe interval of 110 s; the budget is
    /// 100: at most 3 agents fit".
    public var description: String {
        "\(agents) agents need ≥ \(needed) requests/hour at the longest safe interval of \(Int(saturating: longestSafeInterval.seconds)) s; the budget is \(budget): at most \(agentsThatFit) agents fit"
    }
}
