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
    /// ping within the startup spread. A new interval or jitter re-arms every agent on the new
    /// grid from its last ping, never sooner than half an interval after it.
    @discardableResult
    public func apply(_ newConfig: PresenceConfig) -> Reconciliation {
        var result = Reconciliation()
        let now = clock.now
        let cadenceChanged = newConfig.ping.interval != config.ping.interval || newConfig.ping.jitter != config.ping.jitter
        result.cadenceChanged = cadenceChanged
        config = newConfig
        if cadenceChanged {
            schedule = PingSchedule(origin: schedule.origin, interval: newConfig.ping.interval, jitter: newConfig.ping.jitter)
        }

        var newRecords: [AgentKey: AgentRecord] = [:]
        var newOrder: [AgentKey] = []
        var toStart: [AgentKey] = []
        for spec in newConfig.agents {
            let key = spec.key
            newOrder.append(key)
            guard var record = records.removeValue(forKey: key) else {
                newRecords[key] = AgentRecord(spec: spec, phase: schedule.phase(of: key))
                if spec.enabled { toStart.append(key); result.added.append(key) }
                continue
            }
            let wasEnabled = record.spec.enabled
            record.spec = spec
            record.spec.enabled = wasEnabled
            if cadenceChanged { record.phase = schedule.phase(of: key) }
            switch (wasEnabled, spec.enabled) {
            case (true, false):
                armed.removeValue(forKey: key)?.cancel()
                _ = record.setEnabled(false)
                result.disabled.append(key)
            case (false, true):
                _ = record.setEnabled(true)
                toStart.append(key)
                result.reenabled.append(key)
            default:
                result.kept += 1
            }
            newRecords[key] = record
        }
        for (key, _) in records {
            armed.removeValue(forKey: key)?.cancel()
            result.removed.append(key)
        }
        records = newRecords
        order = newOrder
        result.removed.sort()

        if running {
            if cadenceChanged { rearmKept(except: Set(toStart), now: now) }
            armFirstPings(of: toStart, from: now)
        }
        version &+= 1
        return result
    }

    private func rearmKept(except fresh: Set<AgentKey>, now: MonotonicTime) {
        for key in order where !fresh.contains(key) {
            guard let record = records[key], record.spec.enabled, armed[key] != nil else { continue }
            let lastPing = record.lastAttemptAt ?? now
            let tick = schedule.nextTick(after: nil, lastPing: lastPing, now: now, phase: record.phase)
            let due = max(now, schedule.dueTime(of: key, phase: record.phase, tick: tick, seed: jitterSeed))
            var updated = record
            updated.tick = tick
            updated.nextPingAt = due
            records[key] = updated
            arm(key, at: due)
        }
    }
}
