extension PresenceScheduler {
    /// Arms the first ping of `keys`, spread over the startup window.
    ///
    /// The window is sized for all of `keys` together, whatever their accounts, so a start of
    /// many small accounts still spreads rather than firing each account's few seconds at once;
    /// an account with a short interval caps it at half its interval.
    ///
    /// With `respectingLastPing` (agents a reload added or re-enabled) never sooner than half an
    /// interval after the agent's last ping in this process: disabling and enabling again, or
    /// removing and adding back, must not buy an agent an early ping. A resume after a pause or
    /// a suspend re-pings at once instead: those agents are at risk of lapsing.
    ///
    /// `within` replaces the startup window (an `online` override promises a ping within a
    /// second).
    func armFirstPings(of keys: [AgentKey], from now: MonotonicTime, respectingLastPing: Bool = false, within: Duration? = nil) {
        let wanted = within ?? max(Duration.seconds(3), .milliseconds(Int64(keys.count)))
        for key in keys {
            guard var record = records[key], !record.inFlight || within == nil else { continue }
            let schedule = accounts[record.accountIndex].schedule
            let window = min(wanted, schedule.interval / 2)
            var due = now + schedule.startupOffset(of: key, window: window)
            if respectingLastPing, let lastPing = record.lastAttemptAt ?? departedPings[key] {
                due = max(due, lastPing + schedule.interval / 2)
            }
            record.tick = nil
            self.scheduleTick(&record, at: due)
        }
    }

    func arm(_ key: AgentKey, at due: MonotonicTime, leeway: Duration) {
        armed[key]?.cancel()
        armed[key] = timers.arm(at: due, leeway: leeway) { [weak self] in
            self?.fire(key)
        }
    }

    /// Arms `key`'s next tick after `now`; the record changes in place, as on every ping.
    func armNextTick(_ key: AgentKey, after now: MonotonicTime) {
        guard let (due, leeway) = records.update(key, { record in
            let schedule = accounts[record.accountIndex].schedule
            let tick = schedule.nextTick(after: record.tick, lastPing: now, now: now, phase: record.phase)
            record.tick = tick
            let due = max(now, schedule.dueTime(of: key, phase: record.phase, tick: tick, seed: jitterSeed))
            return (placeNextPing(&record, at: due), schedule.timerLeeway)
        }) else { return }
        armTick(key, at: due, leeway: leeway)
    }

    /// Arms `record`'s next ping at `due` and stores the record, unless `due` is at or past the
    /// end of its shift: the shift's boundary takes over from there, and no ping may leave at
    /// or after a shift's end.
    func scheduleTick(_ record: inout AgentRecord, at due: MonotonicTime) {
        let key = record.spec.key
        let placed = placeNextPing(&record, at: due)
        records[key] = record
        armTick(key, at: placed, leeway: accounts[record.accountIndex].schedule.timerLeeway)
    }

    /// Sets `record`'s next ping to `due`, or to none when `due` is at or past the end of its
    /// shift; returns what it set. Reads no record, so it may run inside a table update.
    private func placeNextPing(_ record: inout AgentRecord, at due: MonotonicTime) -> MonotonicTime? {
        if let deadline = pingDeadline(for: record), due >= deadline {
            record.nextPingAt = nil
        } else {
            record.nextPingAt = due
        }
        return record.nextPingAt
    }

    /// Arms `key`'s tick timer for `due`, or cancels it when there is no next ping.
    private func armTick(_ key: AgentKey, at due: MonotonicTime?, leeway: Duration) {
        guard let due else {
            armed.removeValue(forKey: key)?.cancel()
            return
        }
        arm(key, at: due, leeway: leeway)
    }

    /// Moves an account's armed agents onto a new grid, from their last ping, never sooner
    /// than half an interval after it.
    func changeCadence(ofAccount index: Int, interval: Duration, jitter: Duration, now: MonotonicTime, except fresh: Set<AgentKey>) {
        let schedule = PingSchedule(origin: origin, interval: interval, jitter: jitter)
        accounts[index].schedule = schedule
        for key in records.keys(ofAccount: index) {
            guard var record = records[key] else { continue }
            record.phase = schedule.phase(of: key)
            records[key] = record
            guard !fresh.contains(key), record.spec.enabled, armed[key] != nil else { continue }
            let lastPing = record.lastAttemptAt ?? now
            let tick = schedule.nextTick(after: nil, lastPing: lastPing, now: now, phase: record.phase)
            let due = max(now, schedule.dueTime(of: key, phase: record.phase, tick: tick, seed: jitterSeed))
            record.tick = tick
            self.scheduleTick(&record, at: due)
        }
        version &+= 1
    }
}
