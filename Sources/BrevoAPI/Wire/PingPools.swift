import NIOCore
import Synchronization

/// One ``PingConnectionPool`` per ``PingEndpoint`` in use: pings to the same host, port and
/// scheme with the same trust and proxy share connections, and an endpoint no account uses any
/// more closes once its pings are done. Thread-safe.
final class PingPools: Sendable {
    /// The pools, under one lock.
    private struct State {
        /// The pool of each endpoint in use.
        var pools: [PingEndpoint: PingConnectionPool] = [:]
        /// Pools dropped by ``keepOnly(_:)``, still closing until ``shutdown()`` waits for them.
        var retired: [PingConnectionPool] = []
        /// Whether ``shutdown()`` was called.
        var isShutDown = false
    }

    /// Where the pools' loops come from.
    private let eventLoopGroup: any EventLoopGroup
    /// The pools.
    private let state = Mutex(State())

    /// Creates pools whose connections run on `eventLoopGroup` (one loop per pool).
    init(on eventLoopGroup: any EventLoopGroup) {
        self.eventLoopGroup = eventLoopGroup
    }

    /// The pool of `endpoint`, made on first use; `nil` after ``shutdown()``.
    func pool(for endpoint: PingEndpoint) -> PingConnectionPool? {
        state.withLock { state in
            guard !state.isShutDown else { return nil }
            if let pool = state.pools[endpoint] { return pool }
            let pool = PingConnectionPool(endpoint: endpoint, eventLoop: eventLoopGroup.next())
            state.pools[endpoint] = pool
            return pool
        }
    }

    /// Retires the pools of every endpoint not in `endpoints`, and forgets those retired
    /// earlier that have closed since.
    func keepOnly(_ endpoints: Set<PingEndpoint>) {
        state.withLock { state in
            state.retired.removeAll { $0.isClosed }
            for (endpoint, pool) in state.pools where !endpoints.contains(endpoint) {
                state.pools[endpoint] = nil
                pool.retire()
                state.retired.append(pool)
            }
        }
    }

    /// How many pools are in use or still closing (for tests).
    var count: Int { state.withLock { $0.pools.count + $0.retired.count } }

    /// Drops every pool's connections (see ``PingConnectionPool/recycle()``); `false` after
    /// ``shutdown()``, when there is nothing to drop.
    @discardableResult
    func recycle() -> Bool {
        let (pools, isShutDown) = state.withLock { (Array($0.pools.values), $0.isShutDown) }
        for pool in pools { pool.recycle() }
        return !isShutDown
    }

    /// Shuts every pool down, retired ones included, and waits for them. Idempotent.
    func shutdown() async {
        let all = state.withLock { state in
            state.isShutDown = true
            defer { state.pools.removeAll(); state.retired.removeAll() }
            return Array(state.pools.values) + state.retired
        }
        for pool in all { await pool.shutdown() }
    }
}
