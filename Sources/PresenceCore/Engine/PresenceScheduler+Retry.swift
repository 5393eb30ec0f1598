extension PresenceScheduler {
    /// Arms a retry of a failed tick when the policy finds room for one before the next tick
    /// and before the agent's presence lapses.
    func scheduleRetry(_ key: AgentKey, failedAt now: MonotonicTime) {
        guard let record = records[key], !record.state.isHeld else { return }
        let deadline = pingDeadline(for: record)
        // The last tick of a shift has no next one: its retries still fit before the end.
        guard let nextTick = record.nextPingAt ?? deadline else { return }
        // Until its first success an agent's window runs from its first attempt.
        let lapse = record.lapseDeadline(window: config.ping.presenceWindow)
        guard let start = retryPolicy.retryTime(
            attempt: record.consecutiveFailures, failedAt: now, nextTickAt: nextTick,
            presenceDeadline: lapse, timeout: config.ping.timeout, using: &random
        ), deadline.map({ start < $0 }) ?? true else { return }
        retryTimers[key]?.cancel()
        retryTimers[key] = timers.arm(at: start, leeway: accounts[record.accountIndex].schedule.timerLeeway) { [weak self] in
            self?.fireRetry(key)
        }
    }

    func fireRetry(_ key: AgentKey) {
        guard running, retryTimers.removeValue(forKey: key) != nil, let record = records[key], !record.state.isHeld, !record.inFlight else { return }
        if holdIfUnwanted(key, at: clock.now) { return }
        attempt(key, kind: .retry)
    }

    /// Moves a tick to a paced slot, or drops it when the slot is past the next tick.
    func deferTick(_ key: AgentKey, to slot: MonotonicTime, now: MonotonicTime) {
        armNextTick(key, after: now)
        guard let record = records[key], let next = record.nextPingAt, slot < next else { return }
        retryTimers[key]?.cancel()
        retryTimers[key] = timers.arm(at: slot, leeway: accounts[record.accountIndex].schedule.timerLeeway) { [weak self] in
            guard let self, self.retryTimers.removeValue(forKey: key) != nil else { return }
            let now = self.clock.now
            if self.holdIfUnwanted(key, at: now) { return }
            self.send(key, kind: .tick, isProbe: false, at: now)
        }
    }
}
