extension RunResult.Accounts {
    /// Reads, from the stand-in's record, how the daemon treated the accounts of `scenario`'s
    /// layout; `nil` for a one-account scenario. The record names agents, not keys: an agent's
    /// account follows from its roster position (``AccountLayout``).
    ///
    /// Every request of a rate-limited account during the spell gets 429, so 429s beyond the
    /// first of each account are requests the daemon sent although the account was paused.
    /// `limitEndsAt` (wall-clock seconds) is when the spell ended.
    init?(log: RequestLogReader, scenario: BenchScenario, limitEndsAt: Double) {
        guard let layout = scenario.accounts else { return nil }
        var tooManyPerAccount = [Int](repeating: 0, count: layout.count)
        var unaffected = 0, limited = 0, resumed = 0
        var delays: [Double] = []
        for index in 0..<scenario.agents {
            let account = layout.account(ofAgent: index, agents: scenario.agents)
            guard layout.isLimited(account) else {
                unaffected += 1
                continue
            }
            limited += 1
            let id = BenchWorkspace.agentID(index)
            tooManyPerAccount[account] += log.tooManyRequests[id] ?? 0
            if let first = log.successes[id]?.first {
                resumed += 1
                delays.append(first - limitEndsAt)
            }
        }
        let limitedAccounts = (0..<layout.count).filter(layout.isLimited)
        self.init(
            accounts: layout.count, limitedAccounts: limitedAccounts.count, limitSpellS: layout.limitSpell,
            unaffectedAgents: unaffected, limitedAgents: limited,
            accountsHeld: limitedAccounts.count { tooManyPerAccount[$0] > 0 },
            tooManyRequests: tooManyPerAccount.reduce(0, +),
            sentWhileHeld: limitedAccounts.reduce(0) { $0 + max(0, tooManyPerAccount[$1] - 1) },
            limitedAgentsResumed: resumed,
            resumeDelayMs: RunResult.Spread(seconds: Percentiles(delays))
        )
    }
}
