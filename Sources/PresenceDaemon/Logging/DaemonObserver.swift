import Foundation
import PresenceCore
import PresenceMetrics

/// The daemon's observer: everything to the log, and the overrides to their file as they change.
struct DaemonObserver: PresenceObserver {
    let log: PresenceLogObserver
    let overrides: OverrideStore
    /// Counts pings, lapses and probes when metrics are on.
    var metrics: MetricsObserver?

    func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?) {
        log.agentChanged(record, transition: transition, outcome: outcome)
        metrics?.agentChanged(record, transition: transition, outcome: outcome)
    }

    func pingCompleted(_ record: AgentRecord, outcome: PingOutcome) {
        log.pingCompleted(record, outcome: outcome)
        metrics?.pingCompleted(record, outcome: outcome)
    }

    func accountChanged(_ account: PresenceAccount, change: AccountGate.Change) {
        log.accountChanged(account, change: change)
    }

    func connectionsRecycled(account: String) {
        log.connectionsRecycled(account: account)
    }

    func resynced(reason: String) {
        log.resynced(reason: reason)
    }

    func planChanged(_ plan: BudgetPlan, account: String) {
        log.planChanged(plan, account: account)
    }

    func overrideChanged(_ record: AgentRecord, override: PresenceOverride, event: OverrideEvent) {
        log.overrideChanged(record, override: override, event: event)
    }

    func shiftChanged(schedule: String, isOn: Bool, agents: Int, changesAt: Date?) {
        log.shiftChanged(schedule: schedule, isOn: isOn, agents: agents, changesAt: changesAt)
    }

    func botChanged(_ bot: BotReport, from: BotHealth.State, agents: Int) {
        log.botChanged(bot, from: from, agents: agents)
    }

    func botProbed(_ bot: String, outcome: ProbeOutcome) {
        log.botProbed(bot, outcome: outcome)
        metrics?.botProbed(bot, outcome: outcome)
    }

    func leadershipChanged(_ change: LeaseChange, lease: LeaseKeeper?) {
        log.leadershipChanged(change, lease: lease)
    }

    /// Writes the file at once: overrides change by hand, a few times a day, and one set a
    /// moment before a crash must still be there after the restart.
    func overridesChanged(_ overrides: [AgentKey: PresenceOverride]) {
        do {
            try self.overrides.save(overrides)
        } catch {
            log.logger.error("cannot save the overrides; they hold until the daemon stops: \(error)",
                             metadata: ["overrides_file": .string(self.overrides.path)])
        }
    }
}
