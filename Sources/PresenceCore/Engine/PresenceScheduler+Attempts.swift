extension PresenceScheduler {
    /// A tick timer fired.
    func fire(_ key: AgentKey) {
        guard running, armed.removeValue(forKey: key) != nil, var record = records[key], record.spec.enabled else { return }
        let now = clock.now
        if let due = record.nextPingAt, now - due > stallThreshold {
            // The whole process was stalled or the machine slept: every agent's presence
            // has lapsed, so re-ping all of them promptly rather than one by one.
            resync(reason: "timers fired \(Int((now - due).seconds)) s late")
            return
        }
        retryTimers.removeValue(forKey: key)?.cancel()
        if record.inFlight {
            // The previous request is still out: skip this tick rather than stack a second one.
            armNextTick(key, after: now)
        } else if record.state == .rejected, record.rejectedSkips > 0 {
            record.rejectedSkips -= 1
            records[key] = record
            armNextTick(key, after: now)
        } else {
            attempt(key, kind: .tick)
        }
    }

    /// A timer that fires this late means the scheduler did not run: a suspend or a stall.
    var stallThreshold: Duration {
        max(.seconds(5), schedule.interval / 2)
    }

    /// Sends a ping for `key` if the account and the budget allow it now.
    func attempt(_ key: AgentKey, kind: AttemptKind) {
        let now = clock.now
        var isProbe = false
        switch gate.admission(at: now) {
        case .hold:
            holdForAccount(key)
            if kind == .tick { armNextTick(key, after: now) }
            return
        case .probe:
            isProbe = true
        case .send:
            break
        }
        if !isProbe, !budgetAllows(kind, at: now) {
            if kind == .tick { armNextTick(key, after: now) }
            return
        }
        if kind == .retry, !retryBudget.takeRetryToken() {
            // No token now: try again after another backoff, still inside the tick and window.
            scheduleRetry(key, failedAt: now)
            return
        }
        if kind == .tick, let slot = pacedSlot(at: now), slot > now {
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
        guard var record = records[key] else { return }
        record.recordAttempt(at: now)
        records[key] = record
        inFlightCount += 1
        if effectiveBudget != nil {
            ledger.record(now)
            if kind == .retry { retryLedger.record(now) }
        }
        if kind == .tick { retryBudget.recordFirstAttempt() }
        if kind == .tick, armed[key] == nil { armNextTick(key, after: now) }
        version &+= 1
        let request = PingRequest(identity: record.spec.identity, receivedFrom: config.brevo.receivedFrom)
        let timers = self.timers
        transport.send(request) { [weak self] outcome in
            timers.executeCoalesced { [weak self] in self?.complete(key, outcome: outcome, wasProbe: isProbe) }
        }
    }

    func complete(_ key: AgentKey, outcome: PingOutcome, wasProbe: Bool) {
        inFlightCount -= 1
        let now = clock.now
        if outcome.isSuccess { retryBudget.recordSuccess() }
        let change = gate.record(outcome, at: now, wasProbe: wasProbe)
        watchConnections(outcome, at: now)
        if var record = records[key] {
            let transition = record.record(outcome, at: now, window: config.ping.presenceWindow)
            if FailureDisposition(outcome) == .agentRejected { record.rejectedSkips = AgentRecord.rejectedCadence - 1 }
            records[key] = record
            version &+= 1
            observer.pingCompleted(record, outcome: outcome)
            if let transition { observer.agentChanged(record, transition: transition, outcome: outcome) }
        }
        if let change { accountChanged(change, outcome: outcome, at: now) }
        replanIfLimitLearned()
        if running, gate.pause == nil, FailureDisposition(outcome) == .retryable {
            scheduleRetry(key, failedAt: now)
        }
        sendWaiting()
    }

    func sendWaiting() {
        while running, inFlightCount < config.ping.maxInFlight, waitingHead < waiting.count {
            let (key, kind) = waiting[waitingHead]
            waitingHead += 1
            guard let record = records[key], record.spec.enabled, !record.inFlight else { continue }
            send(key, kind: kind, isProbe: false, at: clock.now)
        }
        if waitingHead == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingHead = 0
        }
    }

    /// After repeated timeouts, pooled connections may be stuck: recycle them, at most once a minute.
    private func watchConnections(_ outcome: PingOutcome, at now: MonotonicTime) {
        if outcome.errorClass == .timeout {
            consecutiveTimeouts += 1
        } else if outcome.status != nil {
            consecutiveTimeouts = 0
        }
        guard consecutiveTimeouts >= 3, lastRecycleAt.map({ now - $0 >= .seconds(60) }) ?? true else { return }
        consecutiveTimeouts = 0
        lastRecycleAt = now
        transport.recycleConnections()
        observer.connectionsRecycled()
    }
}
