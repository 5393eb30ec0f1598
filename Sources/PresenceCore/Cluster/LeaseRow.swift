/// A cluster's lease row and the rules of the daemon's acquire statement (`LeaseSQL.acquire`),
/// with time as a parameter: taken when missing, ours, or expired (unless the request may not
/// take over); the epoch moves only when another token takes it. For in-process lease tables
/// (the demo's, the tests'), so they cannot drift from each other.
public struct LeaseRow: Hashable, Sendable {
    /// The holder's node name.
    public var holder: String
    /// The holder's process token.
    public var token: String
    /// Bumped each time the lease changes hands.
    public var epoch: Int64
    /// When the lease ends.
    public var expiresAt: MonotonicTime

    /// Acquires or renews `request` on `row` (`nil`: no row yet) at `now`; the outcome is what
    /// the SQL statement would report.
    public static func acquire(_ row: inout LeaseRow?, _ request: LeaseRequest, at now: MonotonicTime) -> LeaseOutcome {
        if let current = row, current.token != request.token, current.expiresAt > now || !request.mayTakeOver {
            return .heldByOther(holder: current.holder, epoch: current.epoch, remaining: max(current.expiresAt - now, .zero),
                                sameNode: current.holder == request.node)
        }
        // A token that renews its own lease late keeps its epoch: nobody held it between.
        let epoch = row?.token == request.token ? row!.epoch : (row?.epoch ?? 0) + 1
        row = LeaseRow(holder: request.node, token: request.token, epoch: epoch, expiresAt: now + request.lease)
        return .held(epoch: epoch, remaining: request.lease)
    }

    /// Gives `request`'s lease up at `now` if its token holds it (`LeaseSQL.release`).
    public static func release(_ row: inout LeaseRow?, _ request: LeaseRequest, at now: MonotonicTime) {
        if row?.token == request.token { row?.expiresAt = now }
    }
}
