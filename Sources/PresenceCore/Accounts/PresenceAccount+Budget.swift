extension PresenceAccount {
    /// The budget the ledger enforces: the configured one. A limit Brevo reports stretches
    /// the plan, but its window is not documented, so Brevo's own `remaining` and `reset`
    /// pace the requests rather than an hourly count that might not match it.
    var effectiveBudget: Int? {
        settings.rateLimit.requestsPerHour
    }

    /// Whether the known budget leaves room for an attempt: no sliding hour may exceed it,
    /// and retries only use what the roster's ticks leave over.
    mutating func budgetAllows(retry: Bool, at now: MonotonicTime) -> Bool {
        guard let budget = effectiveBudget else { return true }
        guard ledger.count(at: now) < budget else { return false }
        guard retry else { return true }
        let allowance = budget - Int(saturating: plan.requestsPerHour.rounded(.up)) - 1
        return retryLedger.count(at: now) < allowance
    }

    /// Counts a request against the budget.
    mutating func recordSent(retry: Bool, at now: MonotonicTime) {
        sent.record(now)
        if effectiveBudget != nil {
            ledger.record(now)
            if retry { retryLedger.record(now) }
        }
        if !retry { retryBudget.recordFirstAttempt() }
    }

    /// The slot the next tick may use while Brevo's remaining requests are low, or `nil`.
    mutating func nextPacedSlot(at now: MonotonicTime) -> MonotonicTime? {
        if let reset = gate.exhausted(at: now) { return reset }
        // Runs per tick: a cached count, not a walk over the roster.
        let perSecond = Double(plannedAgents) / schedule.interval.seconds
        guard let spacing = gate.pacing(at: now, perSecond: perSecond) else {
            pacedSlot = nil
            return nil
        }
        let slot = max(now, pacedSlot ?? now)
        pacedSlot = slot + spacing
        return slot
    }

    /// The plan for a limit Brevo reported when the config gave none, if it differs from
    /// the one in force.
    func planForLearnedLimit(ping: PingSettings) -> BudgetPlan? {
        guard settings.rateLimit.requestsPerHour == nil, let learned = gate.learnedLimit, plan.budget != learned else { return nil }
        return BudgetPlan.bestEffort(agents: plannedAgents, ping: ping, budget: learned)
    }

    /// Whether repeated timeouts call for fresh connections now: after three in a row, at
    /// most once a minute per account.
    mutating func shouldRecycleConnections(after outcome: PingOutcome, at now: MonotonicTime) -> Bool {
        if outcome.errorClass == .timeout {
            consecutiveTimeouts += 1
        } else if outcome.status != nil {
            consecutiveTimeouts = 0
        }
        guard consecutiveTimeouts >= 3, lastRecycleAt.map({ now - $0 >= .seconds(60) }) ?? true else { return false }
        consecutiveTimeouts = 0
        lastRecycleAt = now
        return true
    }
}
