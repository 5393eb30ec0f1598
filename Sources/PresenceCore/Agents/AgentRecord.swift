/// The running state of one agent: what the scheduler knows and the status file reports.
///
/// A value type changed only by the scheduler on its own queue; each mutation returns the
/// state change it caused, if any, so the caller can log transitions once.
public struct AgentRecord: Hashable, Sendable {
    /// The agent as configured.
    public var spec: AgentSpec {
        get { specBox.spec }
        set { specBox = SpecBox(newValue) }
    }
    /// The spec behind one reference: records are copied whole for every status snapshot, and
    /// inline the spec was 104 of their 272 bytes.
    private var specBox: SpecBox
    /// The agent's stable phase within the interval.
    public var phase: Duration
    /// The current state.
    public var state: AgentState
    /// The grid tick of the next (or current) ping; `nil` before the first ping.
    public var tick: Int64?
    /// When the next ping is due.
    public var nextPingAt: MonotonicTime?
    /// When the last attempt started.
    public var lastAttemptAt: MonotonicTime?
    /// When the first attempt started, for the lapse of an agent that never succeeded.
    public var firstAttemptAt: MonotonicTime?
    /// When the last attempt succeeded.
    public var lastSuccessAt: MonotonicTime?
    /// Failed attempts since the last success.
    public var consecutiveFailures: Int
    /// The last failure, in one line; cleared by a success.
    public var lastError: String?
    /// Successful pings since start.
    public var pingsOK: Int
    /// Failed pings since start.
    public var pingsFailed: Int
    /// Whether a request for this agent is in flight.
    public var inFlight: Bool
    /// Ticks a rejected agent still skips before its next try.
    public var rejectedSkips = 0
    /// The position of the agent's account in the scheduler's ``PresenceScheduler/accounts``.
    public internal(set) var accountIndex = 0
    /// The position of the agent's schedule among the scheduler's shifts, `-1` for none: four
    /// bytes rather than an optional's sixteen, in a record copied for every snapshot.
    var shiftSlot: Int32 = -1

    /// The position of the agent's schedule among the scheduler's shifts; `nil` when it is
    /// always on.
    public var shiftIndex: Int? {
        get { shiftSlot < 0 ? nil : Int(shiftSlot) }
        set { shiftSlot = newValue.map { Int32($0) } ?? -1 }
    }

    /// A rejected agent is tried again every this many ticks, so a fixed config recovers alone.
    public static let rejectedCadence = 10

    /// Creates the record of an agent that has not pinged yet.
    public init(spec: AgentSpec, phase: Duration) {
        self.specBox = SpecBox(spec)
        self.phase = phase
        self.state = spec.enabled ? .pending : .disabled
        self.tick = nil
        self.consecutiveFailures = 0
        self.pingsOK = 0
        self.pingsFailed = 0
        self.inFlight = false
    }

    /// A change of state, reported once.
    public struct Transition: Hashable, Sendable {
        /// The state before.
        public var from: AgentState
        /// The state after.
        public var to: AgentState
    }

    /// Until when Brevo presumably shows the agent online.
    public func presumedOnlineUntil(window: Duration) -> MonotonicTime? {
        lastSuccessAt.map { $0 + window }
    }

    /// The time after which an agent without a success counts as lapsed.
    public func lapseDeadline(window: Duration) -> MonotonicTime? {
        (lastSuccessAt ?? firstAttemptAt).map { $0 + window }
    }

    /// Marks the start of an attempt.
    public mutating func recordAttempt(at now: MonotonicTime) {
        lastAttemptAt = now
        if firstAttemptAt == nil { firstAttemptAt = now }
        inFlight = true
    }

    /// Records an outcome and moves the state accordingly.
    ///
    /// A held agent (disabled, off shift, away, …) stays held: its last ping, sent before the
    /// hold, is counted when it comes back, but must not make the agent look kept online.
    public mutating func record(_ outcome: PingOutcome, at now: MonotonicTime, window: Duration) -> Transition? {
        inFlight = false
        guard let disposition = FailureDisposition(outcome) else {
            pingsOK += 1
            consecutiveFailures = 0
            lastError = nil
            lastSuccessAt = now
            return state.isHeld ? nil : move(to: .online)
        }
        pingsFailed += 1
        consecutiveFailures += 1
        lastError = outcome.summary
        guard !state.isHeld else { return nil }
        switch disposition {
        case .agentRejected:
            return move(to: .rejected)
        case .accountRefused, .rateLimited:
            return move(to: .paused)
        case .retryable:
            return move(to: isLapsed(at: now, window: window) ? .lapsed : .retrying)
        }
    }

    /// Moves a failing agent to `lapsed` once its presence window has passed without a success.
    public mutating func refreshLapse(at now: MonotonicTime, window: Duration) -> Transition? {
        guard state == .retrying || state == .paused || state == .online, isLapsed(at: now, window: window) else { return nil }
        return move(to: .lapsed)
    }

    /// Marks the agent held back for the whole account.
    public mutating func pause() -> Transition? {
        guard !state.isHeld, state != .rejected else { return nil }
        return move(to: .paused)
    }

    /// Marks the agent held offline by a source: no ping is due until it is released.
    public mutating func hold(_ reason: HoldReason) -> Transition? {
        nextPingAt = nil
        tick = nil
        return move(to: reason.state)
    }

    /// Ends a hold: the agent waits for its first ping again (`pending`).
    public mutating func release() -> Transition? {
        state.isHeld ? move(to: .pending) : nil
    }

    /// Marks the agent disabled (or enabled again, as `pending`).
    public mutating func setEnabled(_ enabled: Bool) -> Transition? {
        spec.enabled = enabled
        if !enabled {
            nextPingAt = nil
            tick = nil
            return move(to: .disabled)
        }
        return state == .disabled ? move(to: .pending) : nil
    }

    private func isLapsed(at now: MonotonicTime, window: Duration) -> Bool {
        guard let deadline = lapseDeadline(window: window) else { return false }
        return now >= deadline
    }

    private mutating func move(to newState: AgentState) -> Transition? {
        guard newState != state else { return nil }
        let transition = Transition(from: state, to: newState)
        state = newState
        return transition
    }
}

/// An immutable ``AgentSpec`` on the heap, compared by value.
private final class SpecBox: Hashable, Sendable {
    let spec: AgentSpec

    init(_ spec: AgentSpec) {
        self.spec = spec
    }

    static func == (lhs: SpecBox, rhs: SpecBox) -> Bool {
        lhs === rhs || lhs.spec == rhs.spec
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(spec)
    }
}
