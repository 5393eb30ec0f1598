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
/// - A standby that finds its own node name on the lease under another token waits: that may be
///   this node's previous process, killed before it could release. Only when that lease is seen
///   **renewed** is another live process using the name (``LeaseChange/nodeNameInUse(epoch:)``).
/// - With `keep`, a standby that lost the database while another node led leaves that node's
///   expired lease alone for a renewal period once the database is back: the leader pinged
///   through the outage and renews first, so nobody else starts pinging beside it.
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
    /// While another process holds the lease under this node's name: when that lease ends, as
    /// first seen, so a renewal (a live duplicate, not a dead predecessor) can be told.
    var sameNodeUntil: MonotonicTime?

    /// With `keep`: this standby could not reach the database while another node led.
    var missedHolder = false
    /// With `keep`, after an outage: until then the previous holder's expired lease is left alone.
    var waitForHolderUntil: MonotonicTime?

    /// How much later a same-name lease must end than first seen to count as renewed: far
    /// above the answers' jitter, far below a renewal's step (a third of at least 10 s).
    static let renewalTolerance = Duration.seconds(1)

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

    /// Whether an attempt at `now` may take another process's expired lease: not while a
    /// `keep` standby gives the leader it lost sight of time to renew after an outage.
    public func mayTakeOver(at now: MonotonicTime) -> Bool {
        if let waitForHolderUntil { return now >= waitForHolderUntil }
        return !missedHolder
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
            sameNodeUntil = nil
            missedHolder = false
            waitForHolderUntil = nil
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
            noteHolderAfterOutage(expired: remaining <= .zero, now: now)
            if sameNode, role != .leader { return sameNodeSeen(until: now + remaining, epoch: otherEpoch) }
            sameNodeUntil = nil
            return lose("node \(other) holds the lease (epoch \(otherEpoch))")
        case .failed:
            databaseLost = true
            if policy == .keep, role == .standby, holder != nil, waitForHolderUntil == nil { missedHolder = true }
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

    /// Another process holds the lease (or held it: `expired`). After an outage under `keep`,
    /// an expired lease is given a renewal period (and a second) before it may be taken.
    private mutating func noteHolderAfterOutage(expired: Bool, now: MonotonicTime) {
        if !expired {
            missedHolder = false
            waitForHolderUntil = nil
        } else if missedHolder {
            missedHolder = false
            waitForHolderUntil = now + lease / 3 + .seconds(1)
        }
    }

    /// A lease under this node's name and another token ends at `until`: a duplicate only once
    /// it was renewed since first seen.
    private mutating func sameNodeSeen(until: MonotonicTime, epoch: Int64) -> LeaseChange? {
        guard let first = sameNodeUntil else {
            sameNodeUntil = until
            return nil
        }
        return until > first + Self.renewalTolerance ? .nodeNameInUse(epoch: epoch) : nil
    }

    private mutating func lose(_ reason: String) -> LeaseChange? {
        guard role == .leader else { return nil }
        role = .standby
        validUntil = nil
        lastLoss = reason
        return .lost(reason: reason)
    }
}
