extension PresenceScheduler {
    /// Arms a retry of a failed tick when the policy finds room for one before the next tick
    /// and before the agent's presence lapses.
    func scheduleRetry(_ key: AgentKey, failedAt now: MonotonicTime) {
        guard let record = records[key], record.spec.enabled, let nextTick = record.nextPingAt else { return }
        // Until its first success an agent's window runs from its first attempt.
        let deadline = record.lapseDeadline(window: config.ping.presenceWindow)
        guard let start = retryPolicy.retryTime(
            attempt: record.consecutiveFailures, failedAt: now, nextTickAt: nextTick,
            presenceDeadline: deadline, timeout: config.ping.timeout, using: &random
        ) else { return }
        retryTimers[key]?.cancel()
        retryTimers[key] = timers.arm(at: start, leeway: schedule.timerLeeway) { [weak self] in
            self?.fireRetry(key)
        }
    }

    func fireRetry(_ key: AgentKey) {
        guard running, retryTimers.removeValue(forKey: key) != nil, let record = records[key], record.spec.enabled, !record.inFlight else { return }
        attempt(key, kind: .retry)
    }

    /// Whether the known budget leaves room for this attempt: no sliding hour may exceed it,
    /// and retries only use what the roster's ticks leave over.
    func budgetAllows(_ kind: AttemptKind, at now: MonotonicTime) -> Bool {
        guard let budget = effectiveBudget else { return true }
        guard ledger.count(at: now) < budget else { return false }
        guard kind == .retry else { return true }
        let allowance = budget - Int(saturating: plan.requestsPerHour.rounded(.up)) - 1
        return retryLedger.count(at: now) < allowance
    }

    /// The budget the ledger enforces: the configured one. A limit Brevo reports stretches
    /// the plan, but its window is not documented, so Brevo's own `remaining` and `reset`
    /// pace the requests rather than an hourly count that might not match it.
    var effectiveBudget: Int? {
        config.rateLimit.requestsPerHour
    }

    /// The slot the next tick may use while Brevo's remaining requests are low, or `nil`.
    func pacedSlot(at now: MonotonicTime) -> MonotonicTime? {
        if let reset = gate.exhausted(at: now) { return reset }
        // Runs per tick: a cached count, not a walk over the roster.
        let perSecond = Double(enabledCount) / schedule.interval.seconds
        guard let spacing = gate.pacing(at: now, perSecond: perSecond) else {
            pacedSlot = nil
            return nil
        }
        let slot = max(now, pacedSlot ?? now)
        pacedSlot = slot + spacing
        return slot
    }

    /// Moves a tick to a paced slot, or drops it when the slot is past the next tick.
    func deferTick(_ key: AgentKey, to slot: MonotonicTime, now: MonotonicTime) {
        armNextTick(key, after: now)
        guard let next = records[key]?.nextPingAt, slot < next else { return }
        retryTimers[key]?.cancel()
        retryTimers[key] = timers.arm(at: slot, leeway: schedule.timerLeeway) { [weak self] in
            guard let self, self.retryTimers.removeValue(forKey: key) != nil else { return }
            self.send(key, kind: .tick, isProbe: false, at: self.clock.now)
        }
    }
}
