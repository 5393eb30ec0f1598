/// Receives what the scheduler decided, for logs and reports. Called on the scheduler's context.
public protocol PresenceObserver: Sendable {
    /// An agent changed state; `outcome` is the ping result that caused it, if any.
    func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?)

    /// A ping completed, whatever its outcome (logged at debug: a healthy roster is quiet).
    func pingCompleted(_ record: AgentRecord, outcome: PingOutcome)
}

/// An observer that ignores everything.
public struct SilentPresenceObserver: PresenceObserver {
    /// Creates the observer.
    public init() {}
    public func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?) {}
    public func pingCompleted(_ record: AgentRecord, outcome: PingOutcome) {}
}
