import PresenceCore

/// An observer that keeps what it was told, for assertions.
final class RecordingObserver: PresenceObserver, @unchecked Sendable {
    private(set) var transitions: [(key: AgentKey, transition: AgentRecord.Transition)] = []
    private(set) var accountChanges: [AccountGate.Change] = []
    private(set) var changedAccounts: [String] = []
    private(set) var recycles = 0
    private(set) var plans: [BudgetPlan] = []
    private(set) var leaseChanges: [LeaseChange] = []

    func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?) {
        transitions.append((record.spec.key, transition))
    }

    func pingCompleted(_ record: AgentRecord, outcome: PingOutcome) {}

    func accountChanged(_ account: PresenceAccount, change: AccountGate.Change) {
        accountChanges.append(change)
        changedAccounts.append(account.name)
    }

    func connectionsRecycled(account: String) {
        recycles += 1
    }

    func planChanged(_ plan: BudgetPlan, account: String) {
        plans.append(plan)
    }

    func leadershipChanged(_ change: LeaseChange, lease: LeaseKeeper?) {
        leaseChanges.append(change)
    }
}
