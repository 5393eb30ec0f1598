import Foundation

extension PresenceScheduler {
    /// Why an override was not set.
    public enum OverrideRefusal: Error, Hashable, Sendable, CustomStringConvertible {
        /// No agent has this key.
        case unknownAgent(AgentKey)
        /// The config disables the agent: an override would promise presence it cannot have.
        case disabled(AgentKey)
        /// The override's end is not in the future.
        case alreadyEnded(AgentKey)
        /// The reason is too long or not one line (the journal and the status file carry it).
        case badReason(String)

        /// One line for the operator.
        public var description: String {
            switch self {
            case .unknownAgent(let key): "no agent \(key) in the roster"
            case .disabled(let key): "agent \(key) is disabled in the config; enable it there first"
            case .alreadyEnded(let key): "the override of \(key) would end before it starts"
            case .badReason(let problem): problem
            }
        }
    }

    /// Sets `override` on `key`: `away` holds the agent at once, `online` arms its first
    /// ping within a second when a source (its schedule) held it. Returns the agent's record.
    @discardableResult
    public func setOverride(_ override: PresenceOverride, for key: AgentKey) -> Result<AgentRecord, OverrideRefusal> {
        guard let record = records[key] else { return .failure(.unknownAgent(key)) }
        guard record.spec.enabled else { return .failure(.disabled(key)) }
        if let problem = override.reason.flatMap(PresenceOverride.problem(withReason:)) { return .failure(.badReason(problem)) }
        let now = clock.now
        guard !override.hasExpired(at: clock.wallDate(at: now)) else { return .failure(.alreadyEnded(key)) }
        overrides[key] = override
        armExpiry(of: key, override, now: now)
        observer.overrideChanged(record, override: override, event: .set)
        observer.overridesChanged(overrides.entries)
        reconsider([key], at: now, promptly: override.mode == .online)
        version &+= 1
        return .success(records[key] ?? record)
    }

    /// Drops `key`'s override (nothing to drop is fine); the agent follows its sources again.
    @discardableResult
    public func clearOverride(for key: AgentKey) -> Result<AgentRecord, OverrideRefusal> {
        guard let record = records[key] else { return .failure(.unknownAgent(key)) }
        guard let override = overrides[key] else { return .success(record) }
        endOverride(of: key, override, event: .cleared)
        return .success(records[key] ?? record)
    }

    /// The overrides in force, by agent.
    public var overridesInForce: [AgentKey: PresenceOverride] {
        overrides.entries
    }

    /// Takes overrides kept from an earlier run, before ``start()``: those of agents no longer
    /// in the roster, disabled, or already ended are dropped and returned.
    public func restoreOverrides(_ saved: [AgentKey: PresenceOverride]) -> [AgentKey] {
        let wallNow = clock.wallDate(at: clock.now)
        var dropped: [AgentKey] = []
        for (key, override) in saved.sorted(by: { $0.key < $1.key }) {
            guard let record = records[key], record.spec.enabled, !override.hasExpired(at: wallNow) else {
                dropped.append(key)
                continue
            }
            overrides[key] = override
        }
        return dropped
    }

    /// Arms the timers of overrides restored before the start, and holds their agents.
    func armRestoredOverrides(at now: MonotonicTime) {
        for (key, override) in overrides.entries { armExpiry(of: key, override, now: now) }
    }

    /// Drops the overrides of agents a reload removed; the agents are gone, so nothing else moves.
    func dropOverrides(ofRemoved removed: [AgentKey]) {
        guard !overrides.entries.isEmpty, !removed.isEmpty else { return }
        let gone = Set(removed)
        let dropped = overrides.keep { !gone.contains($0) }
        for key in dropped { overrideTimers.removeValue(forKey: key)?.cancel() }
        if !dropped.isEmpty { observer.overridesChanged(overrides.entries) }
    }

    /// Ends overrides whose time passed by the wall clock: a timer that a suspend or a clock
    /// step left behind is caught by the next housekeeping pass.
    public func expireOverrides() {
        guard running, !overrides.entries.isEmpty else { return }
        let wallNow = clock.wallDate(at: clock.now)
        for key in overrides.expired(at: wallNow) {
            if let override = overrides[key] { endOverride(of: key, override, event: .expired) }
        }
    }

    private func armExpiry(of key: AgentKey, _ override: PresenceOverride, now: MonotonicTime) {
        overrideTimers.removeValue(forKey: key)?.cancel()
        guard let until = override.until else { return }
        let due = now + .nanoseconds(Int64(until.timeIntervalSince(clock.wallDate(at: now)) * 1e9))
        overrideTimers[key] = timers.arm(at: due, leeway: .milliseconds(50)) { [weak self] in
            self?.overrideTimerFired(key, setAt: override.setAt)
        }
    }

    private func overrideTimerFired(_ key: AgentKey, setAt: Date) {
        overrideTimers[key] = nil
        guard let override = overrides[key], override.setAt == setAt else { return }
        let now = clock.now
        guard override.hasExpired(at: clock.wallDate(at: now)) else {
            // The wall clock moved back since the timer was armed: wait for the rest.
            return armExpiry(of: key, override, now: now)
        }
        endOverride(of: key, override, event: .expired)
    }

    private func endOverride(of key: AgentKey, _ override: PresenceOverride, event: OverrideEvent) {
        overrides[key] = nil
        overrideTimers.removeValue(forKey: key)?.cancel()
        let now = clock.now
        if let record = records[key] { observer.overrideChanged(record, override: override, event: event) }
        observer.overridesChanged(overrides.entries)
        reconsider([key], at: now)
        version &+= 1
    }
}

/// How an override came or went, for the journal.
public enum OverrideEvent: String, Hashable, Sendable {
    /// An operator or integration set it.
    case set
    /// An operator or integration cleared it.
    case cleared
    /// Its `until` passed.
    case expired
}
