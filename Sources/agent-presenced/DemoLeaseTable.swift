import Foundation
import PresenceCore
import Synchronization

/// The demo's lease table, in process: the rules of the PostgreSQL lease (taken when free,
/// ours, or expired; the epoch moves when the holder changes) without a database, and a switch
/// that cuts one node off from it.
final class DemoLeaseTable: LeaseTransport, Sendable {
    private struct Row {
        var holder: String
        var token: String
        var epoch: Int64
        var expiresAt: ContinuousClock.Instant
    }

    private struct State {
        var row: Row?
        var cut: Set<String> = []
    }

    private let state = Mutex(State())

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
            let now = ContinuousClock.now
            if let row = state.row, row.token != request.token, row.expiresAt > now || !request.mayTakeOver {
                let remaining = max(row.expiresAt - now, .zero)
                return .heldByOther(holder: row.holder, epoch: row.epoch, remaining: remaining, sameNode: row.holder == request.node)
            }
            let keeps = state.row?.token == request.token
            let epoch = keeps ? state.row!.epoch : (state.row?.epoch ?? 0) + 1
            state.row = Row(holder: request.node, token: request.token, epoch: epoch, expiresAt: now + request.lease)
            return .held(epoch: epoch, remaining: request.lease)
        }
    }

    func release(_ request: LeaseRequest, completion: @escaping @Sendable () -> Void) {
        state.withLock { state in
            guard !state.cut.contains(request.node), state.row?.token == request.token else { return }
            state.row?.expiresAt = ContinuousClock.now
        }
        completion()
    }
}
