extension PresenceScheduler {
    /// Marks an agent held back by an account-wide pause.
    func holdForAccount(_ key: AgentKey) {
        guard var record = records[key], record.spec.enabled, record.state != .rejected else { return }
        let moved = record.pause() != nil
        let reason = gate.pauseReason
        guard moved || (reason != nil && record.lastError != reason) else { return }
        if let reason { record.lastError = reason }
        records[key] = record
        version &+= 1
    }

    /// Acts on a change of the account's state, once.
    func accountChanged(_ change: AccountGate.Change, outcome: PingOutcome, at now: MonotonicTime) {
        observer.accountChanged(change, reason: gate.pauseReason)
        switch change {
        case .paused(let pause, _):
            for timer in retryTimers.values { timer.cancel() }
            retryTimers.removeAll()
            for key in records.keys { holdForAccount(key) }
            resumeTimer?.cancel()
            resumeTimer = nil
            if case .rateLimited(let until) = pause {
                resumeTimer = timers.arm(at: until, leeway: schedule.timerLeeway) { [weak self] in
                    self?.rateLimitEnded()
                }
            }
        case .resumed:
            resumeTimer?.cancel()
            resumeTimer = nil
            resumeAll(from: now, except: nil)
        }
        version &+= 1
    }

    func rateLimitEnded() {
        resumeTimer = nil
        let now = clock.now
        guard running, let change = gate.expire(at: now) else { return }
        observer.accountChanged(change, reason: nil)
        resumeAll(from: now, except: nil)
        version &+= 1
    }

    /// Re-arms every enabled agent's first ping, spread over the startup window from `now`.
    func resumeAll(from now: MonotonicTime, except skipped: AgentKey?) {
        guard running else { return }
        let keys = enabledKeys().filter { $0 != skipped && records[$0]?.inFlight == false }
        for key in keys { retryTimers.removeValue(forKey: key)?.cancel() }
        armFirstPings(of: keys, from: now)
    }

    /// Re-pings every enabled agent promptly, spread: after a suspend or a stall their
    /// presence has certainly lapsed.
    public func resync(reason: String) {
        guard running else { return }
        observer.resynced(reason: reason)
        resumeAll(from: clock.now, except: nil)
        version &+= 1
    }

    /// Stretches (or relaxes) the interval when Brevo reports a limit the config did not give.
    func replanIfLimitLearned() {
        guard config.rateLimit.requestsPerHour == nil, let learned = gate.learnedLimit, plan.budget != learned else { return }
        let newPlan = BudgetPlan.bestEffort(agents: enabledCount, ping: config.ping, budget: learned)
        let cadenceChanged = newPlan.interval != plan.interval
        plan = newPlan
        guard cadenceChanged else { return }
        observer.planChanged(newPlan)
        changeCadence(interval: newPlan.interval, jitter: config.ping.jitter, now: clock.now, except: [])
    }

    /// Moves every armed agent onto a new grid, from its last ping, never sooner than half an
    /// interval after it.
    func changeCadence(interval: Duration, jitter: Duration, now: MonotonicTime, except fresh: Set<AgentKey>) {
        schedule = PingSchedule(origin: schedule.origin, interval: interval, jitter: jitter)
        for key in records.keys {
            guard var record = records[key] else { continue }
            record.phase = schedule.phase(of: key)
            records[key] = record
            guard !fresh.contains(key), record.spec.enabled, armed[key] != nil else { continue }
            let lastPing = record.lastAttemptAt ?? now
            let tick = schedule.nextTick(after: nil, lastPing: lastPing, now: now, phase: record.phase)
            let due = max(now, schedule.dueTime(of: key, phase: record.phase, tick: tick, seed: jitterSeed))
            record.tick = tick
            record.nextPingAt = due
            records[key] = record
            arm(key, at: due)
        }
        version &+= 1
    }
}
