extension PresenceScheduler {
    /// Marks an agent held back by its account's pause.
    func holdForAccount(_ key: AgentKey) {
        guard var record = records[key], !record.state.isHeld, record.state != .rejected else { return }
        let moved = record.pause() != nil
        let reason = accounts[record.accountIndex].gate.pauseReason
        guard moved || (reason != nil && record.lastError != reason) else { return }
        if let reason { record.lastError = reason }
        records[key] = record
        version &+= 1
    }

    /// Acts on a change of one account's state, once; other accounts are not touched.
    func accountChanged(_ index: Int, _ change: AccountGate.Change, outcome: PingOutcome, at now: MonotonicTime) {
        observer.accountChanged(accounts[index], change: change)
        switch change {
        case .paused(let pause, _):
            for key in records.keys(ofAccount: index) {
                retryTimers.removeValue(forKey: key)?.cancel()
                holdForAccount(key)
            }
            accounts[index].resumeTimer?.cancel()
            accounts[index].resumeTimer = nil
            if case .rateLimited(let until) = pause {
                let name = accounts[index].name
                accounts[index].resumeTimer = timers.arm(at: until, leeway: accounts[index].schedule.timerLeeway) { [weak self] in
                    self?.rateLimitEnded(account: name)
                }
            }
        case .resumed:
            accounts[index].resumeTimer?.cancel()
            accounts[index].resumeTimer = nil
            resumeAccount(index, from: now)
        }
        version &+= 1
    }

    /// A rate-limit pause's time came. By name: a reload may have moved or removed the account.
    func rateLimitEnded(account name: String) {
        guard let index = accounts.firstIndex(where: { $0.name == name }) else { return }
        accounts[index].resumeTimer = nil
        let now = clock.now
        guard running, let change = accounts[index].gate.expire(at: now) else { return }
        observer.accountChanged(accounts[index], change: change)
        resumeAccount(index, from: now)
        version &+= 1
    }

    /// Re-arms the first ping of every enabled agent of one account (all accounts when `nil`),
    /// spread over the startup window from `now`.
    func resumeAccount(_ index: Int?, from now: MonotonicTime) {
        guard running else { return }
        let keys = wantedKeys(ofAccount: index, at: now).filter { records[$0]?.inFlight == false }
        for key in keys { retryTimers.removeValue(forKey: key)?.cancel() }
        armFirstPings(of: keys, from: now)
    }

    /// Re-pings every enabled agent promptly, spread: after a suspend or a stall their
    /// presence has certainly lapsed.
    public func resync(reason: String) {
        guard running else { return }
        // A node that was stalled may have lost its lease meanwhile: stop before anything else.
        cluster?.resign("a stall was found (\(reason))")
        observer.resynced(reason: reason)
        // The wall clock ran on while the timers did not: shifts may have ended meanwhile.
        reevaluateShifts()
        resumeAccount(nil, from: clock.now)
        version &+= 1
    }

    /// Stretches (or relaxes) an account's interval when Brevo reports a limit the config did
    /// not give.
    func replanIfLimitLearned(_ index: Int) {
        guard let newPlan = accounts[index].planForLearnedLimit(ping: config.ping) else { return }
        let cadenceChanged = newPlan.interval != accounts[index].plan.interval
        accounts[index].plan = newPlan
        guard cadenceChanged else { return }
        observer.planChanged(newPlan, account: accounts[index].name)
        changeCadence(ofAccount: index, interval: newPlan.interval, jitter: config.ping.jitter, now: clock.now, except: [])
    }
}
