import Foundation

/// Receives what the scheduler decided, for logs and reports. Called on the scheduler's context.
public protocol PresenceObserver: Sendable {
    /// An agent changed state; `outcome` is the ping result that caused it, if any.
    func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?)

    /// A ping completed, whatever its outcome (logged at debug: a healthy roster is quiet).
    func pingCompleted(_ record: AgentRecord, outcome: PingOutcome)

    /// An account was paused or resumed; its gate's `pauseReason` says why.
    func accountChanged(_ account: PresenceAccount, change: AccountGate.Change)

    /// Pooled connections were recycled after repeated timeouts on `account`.
    func connectionsRecycled(account: String)

    /// Every agent was re-pinged after a stall or a suspend.
    func resynced(reason: String)

    /// An account's interval changed to fit its budget (a learned limit, or a reload).
    func planChanged(_ plan: BudgetPlan, account: String)

    /// An override of `record`'s agent was set, cleared or expired.
    func overrideChanged(_ record: AgentRecord, override: PresenceOverride, event: OverrideEvent)

    /// The overrides in force changed: the whole set, to persist.
    func overridesChanged(_ overrides: [AgentKey: PresenceOverride])

    /// A schedule's shift started or ended for its `agents` (enabled agents using it); it
    /// changes again at `changesAt`.
    func shiftChanged(schedule: String, isOn: Bool, agents: Int, changesAt: Date?)

    /// A bot went up or down (from `from`) for its `agents` (enabled agents it answers for).
    func botChanged(_ bot: BotReport, from: BotHealth.State, agents: Int)

    /// A bot's probe completed, whatever its outcome (logged at debug, like a ping).
    func botProbed(_ bot: String, outcome: ProbeOutcome)

    /// This node gained or lost the cluster's lead, or found its node name in use; `lease` is
    /// the lease as it sees it now.
    func leadershipChanged(_ change: LeaseChange, lease: LeaseKeeper?)
}

extension PresenceObserver {
    /// An account was paused or resumed; its gate's `pauseReason` says why.
    public func accountChanged(_ account: PresenceAccount, change: AccountGate.Change) {}

    /// Pooled connections were recycled after repeated timeouts on `account`.
    public func connectionsRecycled(account: String) {}

    /// Every agent was re-pinged after a stall or a suspend.
    public func resynced(reason: String) {}

    /// An account's interval changed to fit its budget (a learned limit, or a reload).
    public func planChanged(_ plan: BudgetPlan, account: String) {}

    /// An override of `record`'s agent was set, cleared or expired.
    public func overrideChanged(_ record: AgentRecord, override: PresenceOverride, event: OverrideEvent) {}

    /// The overrides in force changed: the whole set, to persist.
    public func overridesChanged(_ overrides: [AgentKey: PresenceOverride]) {}

    /// A schedule's shift started or ended for its `agents`.
    public func shiftChanged(schedule: String, isOn: Bool, agents: Int, changesAt: Date?) {}

    /// A bot went up or down for its `agents`.
    public func botChanged(_ bot: BotReport, from: BotHealth.State, agents: Int) {}

    /// A bot's probe completed.
    public func botProbed(_ bot: String, outcome: ProbeOutcome) {}

    /// This node gained or lost the cluster's lead.
    public func leadershipChanged(_ change: LeaseChange, lease: LeaseKeeper?) {}
}

/// An observer that ignores everything.
public struct SilentPresenceObserver: PresenceObserver {
    /// Creates the observer.
    public init() {}
    /// Logs a state change once, at a level that matches it.
    public func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?) {}
    /// Logs a single ping at debug.
    public func pingCompleted(_ record: AgentRecord, outcome: PingOutcome) {}
}
