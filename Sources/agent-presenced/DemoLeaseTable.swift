import Foundation
import PresenceCore
import PresenceDaemon
import Synchronization

/// The demo's lease table, in process: the rules of the PostgreSQL lease (taken when free,
/// ours, or expired; the epoch moves when the holder changes) without a database, and a switch
/// that cuts one node off from it.
final class DemoLeaseTable: LeaseTransport, Sendable {
    private struct State {
        var row: LeaseRow?
        var cut: Set<String> = []
    }

    private let state = Mutex(State())
    private let clock = DispatchClock()

    /// Makes `node`'s statements fail (as if its network to the database were down), or work again.
    func setCut(_ node: String, _ isCut: Bool) {
        state.withLock { state in
            if isCut { state.cut.insert(node) } else { state.cut.remove(node) }
        }
    }

    func acquire(_ request: LeaseRequest, completion: @escaping @Sendable (LeaseOutcome) -> Void) {
        completion(acquireNow(request))
    }

    /// Acquires or renews `request`'s lease at once.
    func acquireNow(_ request: LeaseRequest) -> LeaseOutcome {
        state.withLock { state in
            guard !state.cut.contains(request.node) else { return .failed(message: "the demo cut this node off from its database") }
            return LeaseRow.acquire(&state.row, request, at: clock.now)
        }
    }

    func release(_ request: LeaseRequest, completion: @escaping @Sendable () -> Void) {
        state.withLock { state in
            guard !state.cut.contains(request.node) else { return }
            LeaseRow.release(&state.row, request, at: clock.now)
        }
        completion()
    }
}
