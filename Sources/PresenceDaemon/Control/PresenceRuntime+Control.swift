import Dispatch
import Foundation
import PresenceCore

/// What the local control API asks of the running daemon, each answer taken on the scheduler's
/// queue and handed back to the caller's task: the API's edge never touches the scheduler.
extension PresenceRuntime {
    /// The status document as the status file would hold it now.
    public func statusBytes() async -> [UInt8] {
        let snapshot = await onQueue { self.statusSnapshot() }
        return StatusJSONEncoder.encode(snapshot)
    }

    /// One agent's status entry, by key; `nil` when no agent has it.
    public func agentEntry(key: String) async -> AgentStatus? {
        await onQueue { self.entry(for: AgentKey(key)) }
    }

    /// Sets an override on the agent with `key`.
    public func setOverride(key: String, mode: PresenceOverride.Mode, until: Date?, reason: String?) async -> Result<AgentStatus, ControlRefusal> {
        await onQueue {
            let override = PresenceOverride(mode: mode, until: until, reason: reason, setAt: Date())
            return self.answer(self.scheduler.setOverride(override, for: AgentKey(key)))
        }
    }

    /// Clears the override of the agent with `key` (none is fine).
    public func clearOverride(key: String) async -> Result<AgentStatus, ControlRefusal> {
        await onQueue { self.answer(self.scheduler.clearOverride(for: AgentKey(key))) }
    }

    /// What a reload requested through the API did.
    public struct ReloadAnswer: Sendable {
        /// Whether the new config runs now.
        public var applied: Bool
        /// The generation running after the reload.
        public var generation: Int
        /// Why it was refused.
        public var error: String?
    }

    /// Reloads the config like SIGHUP (one reload at a time, the same notifications), and says
    /// what happened.
    public func reloadNow() async -> ReloadAnswer {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.reloadSerially()
                let answer = self.timers.sync {
                    ReloadAnswer(applied: self.lastReloadError == nil, generation: self.generation, error: self.lastReloadError)
                }
                continuation.resume(returning: answer)
            }
        }
    }

    private func answer(_ result: Result<AgentRecord, PresenceScheduler.OverrideRefusal>) -> Result<AgentStatus, ControlRefusal> {
        switch result {
        case .success(let record):
            return .success(entry(for: record.spec.key) ?? statusSnapshot(of: [record]).entry(for: record))
        case .failure(let refusal):
            let status = switch refusal {
            case .unknownAgent: 404
            case .disabled: 409
            case .alreadyEnded, .badReason: 400
            }
            return .failure(ControlRefusal(status: status, message: refusal.description))
        }
    }

    private func entry(for key: AgentKey) -> AgentStatus? {
        scheduler.record(for: key).map { statusSnapshot(of: [$0]).entry(for: $0) }
    }

    private func statusSnapshot(of records: [AgentRecord]) -> StatusSnapshot {
        StatusSnapshot(records: records, accounts: scheduler.accounts, availability: scheduler.availabilityView, bots: scheduler.botReports,
                       cluster: scheduler.lease, clusterNode: scheduler.clusterNode,
                       window: loaded.config.ping.presenceWindow, clock: clock, pid: getpid(), config: configStatus())
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            timers.execute { continuation.resume(returning: work()) }
        }
    }
}
