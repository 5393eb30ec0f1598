extension PresenceScheduler {
    /// What a reload changed, by agent key.
    public struct Reconciliation: Hashable, Sendable {
        /// Agents new to the roster.
        public var added: [AgentKey] = []
        /// Agents no longer in the roster.
        public var removed: [AgentKey] = []
        /// Agents switched to `enabled: false`.
        public var disabled: [AgentKey] = []
        /// Agents switched back to `enabled: true`.
        public var reenabled: [AgentKey] = []
        /// Agents kept, possibly with a new label.
        public var kept: Int = 0
        /// Whether the cadence (interval or jitter) of any kept account changed.
        public var cadenceChanged = false
        /// Accounts new to the config, by name.
        public var addedAccounts: [String] = []
        /// Accounts no longer in the config, by name.
        public var removedAccounts: [String] = []
    }

    /// Applies a new configuration, changing exactly what changed.
    ///
    /// Unchanged agents keep their timer, phase, state and counters: no extra ping and no
    /// skipped one. Removed and disabled agents stop; added and re-enabled ones get their first
    /// ping within the startup spread, but never sooner than half an interval after their last
    /// ping (see ``armFirstPings(of:from:respectingLastPing:)``). An account kept by name keeps
    /// its pauses, ledger and learned limit; a new interval or jitter of an account (or a
    /// budget that needs one) re-arms that account's agents on the new grid from their last
    /// ping, never sooner than half an interval after it, and leaves other accounts alone.
    @discardableResult
    public func apply(_ newConfig: PresenceConfig) -> Reconciliation {
        var result = Reconciliation()
        let now = clock.now
        let oldIntervals = accounts.map(\.schedule.interval)
        let reshaped = reshapeAccounts(for: newConfig, at: now, into: &result)
        config = newConfig
        config.agents = []

        var newRecords: [AgentRecord] = []
        newRecords.reserveCapacity(newConfig.agents.count)
        var kept = Set<AgentKey>()
        var toStart: [AgentKey] = []
        let indices = Self.accountIndices(of: newConfig)
        for spec in newConfig.agents {
            let key = spec.key
            let account = indices[spec.accountName] ?? 0
            guard var record = records[key] else {
                var record = AgentRecord(spec: spec, phase: accounts[account].schedule.phase(of: key))
                record.accountIndex = account
                newRecords.append(record)
                if spec.enabled { toStart.append(key); result.added.append(key) }
                continue
            }
            kept.insert(key)
            record.accountIndex = account
            let wasEnabled = record.spec.enabled
            var updated = spec
            updated.enabled = wasEnabled
            if updated != record.spec { record.spec = updated }
            switch (wasEnabled, spec.enabled) {
            case (true, false):
                armed.removeValue(forKey: key)?.cancel()
                retryTimers.removeValue(forKey: key)?.cancel()
                _ = record.setEnabled(false)
                result.disabled.append(key)
            case (false, true):
                _ = record.setEnabled(true)
                toStart.append(key)
                result.reenabled.append(key)
            default:
                result.kept += 1
            }
            newRecords.append(record)
        }
        for key in records.keys where !kept.contains(key) {
            armed.removeValue(forKey: key)?.cancel()
            retryTimers.removeValue(forKey: key)?.cancel()
            if let lastPing = records[key]?.lastAttemptAt { departedPings[key] = lastPing }
            result.removed.append(key)
        }
        records = AgentTable(newRecords)
        let remembered = (oldIntervals + accounts.map(\.plan.interval)).max() ?? newConfig.ping.interval
        departedPings = departedPings.filter { now - $0.value < remembered }
        result.removed.sort()

        let fresh = Set(toStart)
        for index in reshaped {
            let plan = accounts[index].plan
            changeCadence(ofAccount: index, interval: plan.interval, jitter: newConfig.ping.jitter, now: now, except: fresh)
            if plan.stretched { observer.planChanged(plan, account: accounts[index].name) }
        }
        rebuildShifts(for: newConfig, specs: newConfig.agents, at: now)
        prober.apply(newConfig.bots)
        dropOverrides(ofRemoved: result.removed)
        // Every agent, not only the added: a reload may move kept agents to another schedule.
        if running { reconsider(records.keys, at: now) }
        for key in result.added { departedPings[key] = nil }
        version &+= 1
        return result
    }

    /// Replaces ``accounts`` with those of `newConfig`, keeping the running state of accounts
    /// kept by name; returns the (new) indices of kept accounts whose cadence changed.
    private func reshapeAccounts(for newConfig: PresenceConfig, at now: MonotonicTime, into result: inout Reconciliation) -> [Int] {
        let plannedCounts = newConfig.peakOnAgentCounts(around: clock.wallDate(at: now))
        var previous = Dictionary(accounts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var reshaped: [Int] = []
        var newAccounts: [PresenceAccount] = []
        newAccounts.reserveCapacity(newConfig.accounts.count)
        for (index, settings) in newConfig.accounts.enumerated() {
            let count = plannedCounts[index]
            guard var account = previous.removeValue(forKey: settings.name) else {
                newAccounts.append(PresenceAccount(settings: settings, plannedAgents: count, ping: newConfig.ping,
                                                   origin: origin, retryBudget: retryBudgetOverride))
                result.addedAccounts.append(settings.name)
                continue
            }
            let plan = BudgetPlan.bestEffort(agents: count, ping: newConfig.ping,
                                             budget: settings.rateLimit.requestsPerHour ?? account.gate.learnedLimit)
            if plan.interval != account.schedule.interval || newConfig.ping.jitter != account.schedule.jitter {
                reshaped.append(index)
                result.cadenceChanged = true
            }
            account.settings = settings
            account.plannedAgents = count
            account.plan = plan
            if retryBudgetOverride == nil { account.retryBudget.capacity = max(3, Double(count) / 4) }
            account.gate.probeSoon(at: now)
            newAccounts.append(account)
        }
        for account in previous.values {
            account.resumeTimer?.cancel()
            result.removedAccounts.append(account.name)
        }
        result.removedAccounts.sort()
        accounts = newAccounts
        accountLayout &+= 1
        return reshaped
    }
}
