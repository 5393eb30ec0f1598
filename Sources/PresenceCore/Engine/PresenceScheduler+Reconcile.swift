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
        /// Whether the cadence (interval or jitter) changed.
        public var cadenceChanged = false
    }

    /// Applies a new configuration, changing exactly what changed.
    ///
    /// Unchanged agents keep their timer, phase, state and counters: no extra ping and no
    /// skipped one. Removed and disabled agents stop; added and re-enabled ones get their first
    /// ping within the startup spread, but never sooner than half an interval after their last
    /// ping (see ``armFirstPings(of:from:respectingLastPing:)``). A new interval or jitter (or a budget that needs one)
    /// re-arms every agent on the new grid from its last ping, never sooner than half an
    /// interval after it.
    @discardableResult
    public func apply(_ newConfig: PresenceConfig) -> Reconciliation {
        var result = Reconciliation()
        let now = clock.now
        let newPlan = BudgetPlan.bestEffort(
            agents: newConfig.enabledAgentCount, ping: newConfig.ping,
            budget: newConfig.rateLimit.requestsPerHour ?? gate.learnedLimit
        )
        let cadenceChanged = newPlan.interval != schedule.interval || newConfig.ping.jitter != schedule.jitter
        result.cadenceChanged = cadenceChanged
        config = newConfig
        config.agents = []
        plan = newPlan
        enabledCount = newConfig.enabledAgentCount
        if retryBudget != .unlimited { retryBudget.capacity = max(3, Double(newConfig.enabledAgentCount) / 4) }

        var newRecords: [AgentRecord] = []
        newRecords.reserveCapacity(newConfig.agents.count)
        var kept = Set<AgentKey>()
        var toStart: [AgentKey] = []
        for spec in newConfig.agents {
            let key = spec.key
            guard var record = records[key] else {
                newRecords.append(AgentRecord(spec: spec, phase: schedule.phase(of: key)))
                if spec.enabled { toStart.append(key); result.added.append(key) }
                continue
            }
            kept.insert(key)
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
        let remembered = max(schedule.interval, newPlan.interval)
        departedPings = departedPings.filter { now - $0.value < remembered }
        result.removed.sort()

        if cadenceChanged {
            changeCadence(interval: newPlan.interval, jitter: newConfig.ping.jitter, now: now, except: Set(toStart))
            if newPlan.stretched { observer.planChanged(newPlan) }
        }
        if running { armFirstPings(of: toStart, from: now, respectingLastPing: true) }
        for key in result.added { departedPings[key] = nil }
        version &+= 1
        return result
    }
}
