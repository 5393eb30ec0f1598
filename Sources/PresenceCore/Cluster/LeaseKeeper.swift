/// This node's side of the cluster's lease: whether it may ping, and when it must ask the
/// database again. Pure: the coordinator feeds it outcomes and times and acts on its answers.
///
/// The rules (DESIGN "Cluster"):
/// - A held lease is good until the renewal's **send** time plus the lease, on this process's
///   monotonic clock (never a wall clock, never the answer's time): the database measured its
///   `expires_at` from a `now()` no earlier than the send, so the leader always stops first.
/// - A leader renews every third of the lease; a standby asks every third of the lease, at most
///   every ``standbyPoll``, so it takes over within a lease and a poll of a leader's death.
/// - A leader that sees another holder loses at once. One whose lease ran out unrenewed loses
///   at that moment with ``DatabaseLossPolicy/stop``, and stays leader with `keep` until the
///   database answers again.
/// - ``mayPing(at:)`` is asked before every send, so a process paused past its lease (SIGSTOP, a
///   stall) sends nothing after it resumes, whatever timer fires first.
public struct LeaseKeeper: Hashable, Sendable {
    /// The node's role.
    public enum Role: String, Hashable, Sendable {
        /// It holds the lease and pings.
        case leader
        /// Another node holds the lease, or none is known yet: it pings nothing.
        case standby
    }

    /// The longest a standby waits between two attempts.
    public static let standbyPoll = Duration.seconds(3)
    /// The leader stops this much before its lease could pass: covers the two clocks' rates.
    public static let safetyMargin = Duration.milliseconds(500)

    /// How long a lease lasts.
    public let lease: Duration
    /// What a leader does when it cannot renew.
    public let policy: DatabaseLossPolicy
    /// The role now.
    public private(set) var role: Role = .standby
    /// The epoch of the last lease seen (this node's or another's).
    public private(set) var epoch: Int64?
    /// The holder of the last lease seen; this node's name while it leads.
    public private(set) var holder: String?
    /// While leader: the end of the lease on this process's monotonic clock.
    public private(set) var validUntil: MonotonicTime?
    /// While standby: when the other holder's lease ends, as last seen.
    public private(set) var othersUntil: MonotonicTime?
    /// The database could not be reached at the last attempt.
    public private(set) var databaseLost = false
    /// Why the node last lost the lead, for reports.
    public private(set) var lastLoss: String?

    /// A keeper for `lease` that has not asked yet (standby).
    public init(lease: Duration, policy: DatabaseLossPolicy) {
        self.lease = lease
        self.policy = policy
    }

    /// Whether this node may send a ping at `now`.
    public func mayPing(at now: MonotonicTime) -> Bool {
        guard role == .leader else { return false }
        if policy == .keep, databaseLost { return true }
        return validUntil.map { now < $0 } ?? false
    }

    /// When to ask the database next, after an attempt sent at `sentAt`.
    public func nextAttempt(after sentAt: MonotonicTime) -> MonotonicTime {
        role == .leader ? sentAt + lease / 3 : sentAt + min(lease / 3, Self.standbyPoll)
    }

    /// When a leader must have renewed, or lose the lead.
    public var fenceAt: MonotonicTime? {
        role == .leader ? validUntil : nil
    }

    /// Counts the answer to an attempt sent at `sentAt`, arriving at `now`; returns the change
    /// of role it causes, if any.
    public mutating func record(_ outcome: LeaseOutcome, sentAt: MonotonicTime, now: MonotonicTime, node: String) -> LeaseChange? {
        switch outcome {
        case .held(let newEpoch, let remaining):
            databaseLost = false
            let before = (role, epoch)
            validUntil = min(sentAt + lease, now + remaining) - Self.safetyMargin
            holder = node
            othersUntil = nil
            epoch = newEpoch
            // An answer that came back after the lease it renewed was over renews nothing.
            guard now < validUntil! else { return lose("the renewal answered too late") }
            role = .leader
            if before.0 == .leader, before.1 == newEpoch { return nil }
            return .gained(epoch: newEpoch)
        case .heldByOther(let other, let otherEpoch, let remaining, let sameNode):
            databaseLost = false
            holder = other
            epoch = otherEpoch
            othersUntil = now + remaining
            if sameNode, role != .leader { return .nodeNameInUse(epoch: otherEpoch) }
            return lose("node \(other) holds the lease (epoch \(otherEpoch))")
        case .failed:
            databaseLost = true
            return nil
        }
    }

    /// Checks the lease at `now` (its fence timer fired, or before a send): a leader whose lease
    /// ran out unrenewed loses the lead, unless the policy is `keep` and the database is lost.
    public mutating func expire(at now: MonotonicTime) -> LeaseChange? {
        guard role == .leader, let validUntil, now >= validUntil else { return nil }
        if policy == .keep, databaseLost { return nil }
        return lose(databaseLost ? "the lease ran out while the database could not be reached" : "the lease ran out unrenewed")
    }

    /// Gives the lead up (a stall was found, the process is stopping).
    public mutating func resign(_ reason: String) -> LeaseChange? {
        lose(reason)
    }

    private mutating func lose(_ reason: String) -> LeaseChange? {
        guard role == .leader else { return nil }
        role = .standby
        validUntil = nil
        lastLoss = reason
        return .lost(reason: reason)
    }
}
