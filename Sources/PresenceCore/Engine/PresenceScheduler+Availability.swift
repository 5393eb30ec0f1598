extension PresenceScheduler {
    /// What every source says about `record` at `now`.
    func availability(of record: AgentRecord, at now: MonotonicTime) -> AgentAvailability {
        AgentAvailability(
            enabled: record.spec.enabled,
            onShift: isOnShift(record, at: now),
            override: overrides.mode(for: record.spec.key),
            botUp: record.spec.bot.map(prober.isUp) ?? true,
            isLeader: cluster?.mayPing(at: now) ?? true
        )
    }

    /// The source holding `key` offline at `now`, if any; holds the agent when one does.
    ///
    /// Asked before every send, so a tick or retry armed before a source changed (a shift
    /// ending while a timer fired late, an override set meanwhile) never leaves.
    func holdIfUnwanted(_ key: AgentKey, at now: MonotonicTime) -> Bool {
        guard let reason = records.read(key, { availability(of: $0, at: now).hold }) ?? nil else { return false }
        hold(key, reason)
        return true
    }

    /// Decides `keys` again after a source changed: holds those a source now keeps offline
    /// (their timers cancelled at once), releases those none holds any more and arms their
    /// first pings, spread over the startup window, or within a second when `promptly`.
    ///
    /// An agent that stays wanted but lost its timer (its next tick fell past a shift's end
    /// that a reload then moved) is armed again as well.
    func reconsider(_ keys: [AgentKey], at now: MonotonicTime, promptly: Bool = false, respectingLastPing: Bool = true) {
        var toArm: [AgentKey] = []
        for key in keys {
            guard var record = records[key] else { continue }
            if let reason = availability(of: record, at: now).hold {
                if record.state != reason.state { hold(key, reason) }
                continue
            }
            if record.state.isHeld {
                _ = record.release()
                records[key] = record
                version &+= 1
                toArm.append(key)
            } else if armed[key] == nil, retryTimers[key] == nil, !record.inFlight {
                toArm.append(key)
            }
        }
        guard running, !toArm.isEmpty else { return }
        if promptly {
            armFirstPings(of: toArm, from: now, within: .milliseconds(500))
        } else {
            armFirstPings(of: toArm, from: now, respectingLastPing: respectingLastPing)
        }
    }

    /// Holds `key` offline for `reason`: its tick and retry are cancelled, a queued attempt is
    /// dropped when its turn comes. A request in flight finishes; its answer is counted but
    /// does not move the state.
    func hold(_ key: AgentKey, _ reason: HoldReason) {
        armed.removeValue(forKey: key)?.cancel()
        retryTimers.removeValue(forKey: key)?.cancel()
        guard var record = records[key] else { return }
        _ = record.hold(reason)
        records[key] = record
        version &+= 1
    }
}
