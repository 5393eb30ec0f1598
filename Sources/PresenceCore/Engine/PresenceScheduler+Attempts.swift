extension PresenceScheduler {
    /// A tick timer fired.
    func fire(_ key: AgentKey) {
        guard running, armed.removeValue(forKey: key) != nil,
              let (enabled, nextPingAt, inFlight, skipsRejected) = records.read(key, { record in
                  (record.spec.enabled, record.nextPingAt, record.inFlight, record.state == .rejected && record.rejectedSkips > 0)
              }), enabled else { return }
        let now = clock.now
        if let due = nextPingAt, now - due > stallThreshold {
            // The whole process was stalled or the machine slept: every agent's presence
            // has lapsed, so re-ping all of them promptly rather than one by one.
            resync(reason: "timers fired \(Int((now - due).seconds)) s late")
            return
        }
        retryTimers.removeValue(forKey: key)?.cancel()
        if holdIfUnwanted(key, at: now) { return }
        if inFlight {
            // The previous request is still out: skip this tick rather than stack a second one.
            armNextTick(key, after: now)
        } else if skipsRejected {
            records.update(key) { $0.rejectedSkips -= 1 }
            armNextTick(key, after: now)
        } else {
            attempt(key, kind: .tick)
        }
    }

    /// How late a timer may fire before it means a suspend or a stall: half the interval, at
    /// least 5 s.
    static func stallThreshold(of config: PresenceConfig) -> Duration {
        max(.seconds(5), config.ping.interval / 2)
    }

    /// Sends a ping for `key` if its account and the account's budget allow it now.
    func attempt(_ key: AgentKey, kind: AttemptKind) {
        guard let account = records.read(key, { $0.accountIndex }) else { return }
        let now = clock.now
        var isProbe = false
        switch accounts[account].gate.admission(at: now) {
        case .hold:
            holdForAccount(key)
            if kind == .tick { armNextTick(key, after: now) }
            return
        case .probe:
            isProbe = true
        case .send:
            break
        }
        if !isProbe, !accounts[account].budgetAllows(retry: kind == .retry, at: now) {
            if kind == .tick { armNextTick(key, after: now) }
            return
        }
        if kind == .retry, !accounts[account].retryBudget.takeRetryToken() {
            // No token now: try again after another backoff, still inside the tick and window.
            scheduleRetry(key, failedAt: now)
            return
        }
        if kind == .tick, let slot = accounts[account].nextPacedSlot(at: now), slot > now {
            deferTick(key, to: slot, now: now)
            return
        }
        if inFlightCount >= config.ping.maxInFlight {
            if kind == .tick { armNextTick(key, after: now) }
            waiting.append((key, kind))
            return
        }
        send(key, kind: kind, isProbe: isProbe, at: now)
    }

    func send(_ key: AgentKey, kind: AttemptKind, isProbe: Bool, at now: MonotonicTime) {
        guard let (account, identity) = records.update(key, { record in
            record.recordAttempt(at: now)
            return (record.accountIndex, record.spec.identity)
        }) else { return }
        inFlightCount += 1
        accounts[account].recordSent(retry: kind == .retry, at: now)
        if kind == .tick, armed[key] == nil { armNextTick(key, after: now) }
        version &+= 1
        // Two strings of the account, not a copy of its whole settings, on the per-ping path.
        let name = accounts[account].settings.name
        let request = PingRequest(identity: identity, receivedFrom: accounts[account].settings.brevo.receivedFrom, account: name)
        let timers = self.timers
        let sentWith = AccountTicket(index: account, name: name, layout: accountLayout)
        transport.send(request) { [weak self] outcome in
            timers.executeCoalesced { [weak self] in self?.complete(key, outcome: outcome, wasProbe: isProbe, account: sentWith) }
        }
    }

    func complete(_ key: AgentKey, outcome: PingOutcome, wasProbe: Bool, account ticket: AccountTicket) {
        inFlightCount -= 1
        // The account still learns from the outcome when a reload removed the agent meanwhile:
        // a probe's answer must end the probe, a 429 must still pause.
        guard let account = index(of: ticket) else { return sendWaiting() }
        let now = clock.now
        if outcome.isSuccess { accounts[account].retryBudget.recordSuccess() }
        let change = accounts[account].gate.record(outcome, at: now, wasProbe: wasProbe)
        if accounts[account].shouldRecycleConnections(after: outcome, at: now) {
            transport.recycleConnections()
            observer.connectionsRecycled(account: accounts[account].name)
        }
        let window = config.ping.presenceWindow
        if let (record, transition) = records.update(key, { record in
            let transition = record.record(outcome, at: now, window: window)
            if FailureDisposition(outcome) == .agentRejected { record.rejectedSkips = AgentRecord.rejectedCadence - 1 }
            return (record, transition)
        }) {
            version &+= 1
            observer.pingCompleted(record, outcome: outcome)
            if let transition { observer.agentChanged(record, transition: transition, outcome: outcome) }
        }
        if let change { accountChanged(account, change, outcome: outcome, at: now) }
        replanIfLimitLearned(account)
        if running, accounts[account].gate.pause == nil, FailureDisposition(outcome) == .retryable {
            scheduleRetry(key, failedAt: now)
        }
        sendWaiting()
    }

    func sendWaiting() {
        while running, inFlightCount < config.ping.maxInFlight, waitingHead < waiting.count {
            let (key, kind) = waiting[waitingHead]
            waitingHead += 1
            guard let record = records[key], !record.state.isHeld, !record.inFlight else { continue }
            if holdIfUnwanted(key, at: clock.now) { continue }
            // The account may have been paused while this waited for a free slot.
            if accounts[record.accountIndex].gate.pause != nil {
                holdForAccount(key)
                continue
            }
            send(key, kind: kind, isProbe: false, at: clock.now)
        }
        if waitingHead == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingHead = 0
        }
    }
}
