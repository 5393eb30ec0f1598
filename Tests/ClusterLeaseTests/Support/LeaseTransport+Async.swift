import PresenceCore

extension LeaseTransport {
    /// `acquire` awaited.
    func acquire(_ request: LeaseRequest) async -> LeaseOutcome {
        await withCheckedContinuation { continuation in
            acquire(request) { continuation.resume(returning: $0) }
        }
    }

    /// `release` awaited.
    func release(_ request: LeaseRequest) async {
        await withCheckedContinuation { continuation in
            release(request) { continuation.resume() }
        }
    }
}

extension LeaseOutcome {
    /// The epoch when held by this process.
    var heldEpoch: Int64? {
        if case .held(let epoch, _) = self { epoch } else { nil }
    }

    /// The failure's message, if it is one.
    var failureMessage: String? {
        if case .failed(let message) = self { message } else { nil }
    }
}

/// A request of cluster `cluster` by `node` with `token`, for `lease`.
func request(
    _ node: String, token: String, cluster: String = "test-cluster", lease: Duration = .seconds(10)
) -> LeaseRequest {
    LeaseRequest(cluster: cluster, node: node, token: token, lease: lease)
}
