import Foundation
import Logging
import PresenceCore

/// The lease transport with the database's reachability in the log: one entry when it stops
/// answering (and whenever the reason changes), one when it answers again, never one per attempt.
final class LoggedLeaseTransport: LeaseTransport, @unchecked Sendable {
    let base: any LeaseTransport
    let logger: Logger
    let policy: DatabaseLossPolicy
    /// The last failure logged; `nil` while the database answers. Guarded by `lock`.
    private var failure: String?
    private let lock = NSLock()

    /// Wraps `base`; `policy` says in the entry what a leader does about the outage.
    init(_ base: any LeaseTransport, logger: Logger, policy: DatabaseLossPolicy) {
        self.base = base
        self.logger = logger
        self.policy = policy
    }

    func acquire(_ request: LeaseRequest, completion: @escaping @Sendable (LeaseOutcome) -> Void) {
        base.acquire(request) { [self] outcome in
            note(outcome, node: request.node)
            completion(outcome)
        }
    }

    func release(_ request: LeaseRequest, completion: @escaping @Sendable () -> Void) {
        base.release(request, completion: completion)
    }

    private func note(_ outcome: LeaseOutcome, node: String) {
        let message: String? = if case .failed(let message) = outcome { message } else { nil }
        let previous: String? = lock.withLock {
            defer { failure = message }
            return failure
        }
        guard message != previous else { return }
        let metadata: Logger.Metadata = ["node": .string(node)]
        if let message {
            let consequence = policy == .stop
                ? "a leader stops pinging when its lease runs out (when_database_lost: stop)"
                : "a leader goes on pinging until the database answers (when_database_lost: keep)"
            logger.warning("cannot reach the cluster's database: \(message); \(consequence)", metadata: metadata)
        } else {
            logger.notice("the cluster's database answers again", metadata: metadata)
        }
    }
}
