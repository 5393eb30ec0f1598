import PresenceCore

/// An observer that keeps what it was told, for assertions.
final class RecordingObserver: PresenceObserver, @unchecked Sendable {
    private(set) var transitions: [(key: AgentKey, transition: AgentRecord.Transition)] = []
    private(set) var accountChanges: [AccountGate.Change] = []
    private(set) var recycles = 0
    private(set) var plans: [BudgetPlan] = []

    func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?) {
        transitions.append((record.spec.key, transition))
    }

    func pingCompleted(_ record: AgentRecord, outcome: PingOutcome) {}

    func accountChanged(_ change: AccountGate.Change, reason: String?) {
        accountChanges.append(change)
    }

    func connectionsRecycled() {
        recycles += 1
    }

    func planChanged(_ plan: BudgetPlan) {
        plans.append(plan)
    }
}
