/// What the database said to an acquire-or-renew, as the lease edge reports it to the core.
///
/// Times are durations as the database measured them (`expires_at - now()`), so neither
/// host's wall clock ever counts: the core turns them into deadlines on its monotonic clock.
public enum LeaseOutcome: Hashable, Sendable {
    /// This process holds the lease, in `epoch`, for `remaining` more.
    case held(epoch: Int64, remaining: Duration)
    /// Another process holds it: `holder` (its node name), in `epoch`, for `remaining` more.
    /// `sameNode` when that process has this node's name but another token: two daemons are
    /// configured with one node name.
    case heldByOther(holder: String, epoch: Int64, remaining: Duration, sameNode: Bool)
    /// The statement did not complete: no connection, a timeout, an error; `message` says which
    /// (never the URL's password).
    case failed(message: String)
}

/// The lease seam: single statements against the database that holds the lease.
///
/// The daemon's implementation (`ClusterLease`) uses PostgreSQL; tests use a scripted one in
/// virtual time. `completion` may be called on any thread, exactly once.
public protocol LeaseTransport: Sendable {
    /// Acquires the lease when it is free or expired, renews it when `request`'s token holds
    /// it, and reports who holds it either way.
    func acquire(_ request: LeaseRequest, completion: @escaping @Sendable (LeaseOutcome) -> Void)

    /// Gives the lease up, when `request`'s token holds it (a clean stop), so a standby can take
    /// over at once; calls `completion` when done or failed.
    func release(_ request: LeaseRequest, completion: @escaping @Sendable () -> Void)
}
