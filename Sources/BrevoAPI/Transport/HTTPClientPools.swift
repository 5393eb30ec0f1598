import AsyncHTTPClient
import NIOCore
import Synchronization

/// One ``HTTPClientRotation`` per ``HTTPTransport`` in use: requests with the same trust and
/// proxy share connections, and a transport nobody uses any more is closed once its requests
/// are done. Thread-safe.
package final class HTTPClientPools: Sendable {
    private struct State {
        var rotations: [HTTPTransport: HTTPClientRotation] = [:]
        /// Rotations dropped by ``keepOnly(_:)``, still closing until ``shutdown()`` waits for them.
        var retired: [HTTPClientRotation] = []
        var isShutDown = false
    }

    private let eventLoopGroup: any EventLoopGroup
    private let timeout: Duration
    private let state = Mutex(State())

    /// Creates pools whose clients run on `eventLoopGroup` with `timeout` as connect and read timeouts.
    package init(on eventLoopGroup: any EventLoopGroup, timeout: Duration) {
        self.eventLoopGroup = eventLoopGroup
        self.timeout = timeout
    }

    /// The rotation of `transport`, made on first use; `nil` after ``shutdown()``.
    package func rotation(for transport: HTTPTransport) -> HTTPClientRotation? {
        state.withLock { state in
            guard !state.isShutDown else { return nil }
            if let rotation = state.rotations[transport] { return rotation }
            let rotation = HTTPClientRotation.pooled(on: eventLoopGroup, timeout: timeout, transport: transport)
            state.rotations[transport] = rotation
            return rotation
        }
    }

    /// Retires the rotations of every transport not in `transports`, and forgets those
    /// retired earlier that have closed since.
    package func keepOnly(_ transports: Set<HTTPTransport>) {
        state.withLock { state in
            state.retired.removeAll { $0.isClosed }
            for (transport, rotation) in state.rotations where !transports.contains(transport) {
                state.rotations[transport] = nil
                rotation.retire()
                state.retired.append(rotation)
            }
        }
    }

    /// Whether ``shutdown()`` was called.
    package var isShutDown: Bool { state.withLock { $0.isShutDown } }

    /// Drops every pool's connections (see ``HTTPClientRotation/recycle()``); `false` after
    /// ``shutdown()``, when there is nothing to drop.
    @discardableResult
    package func recycle() -> Bool {
        let (rotations, isShutDown) = state.withLock { (Array($0.rotations.values), $0.isShutDown) }
        for rotation in rotations { rotation.recycle() }
        return !isShutDown
    }

    /// Shuts every rotation down, retired ones included, and waits for them. Idempotent.
    package func shutdown() async {
        let all = state.withLock { state in
            state.isShutDown = true
            defer { state.rotations.removeAll(); state.retired.removeAll() }
            return Array(state.rotations.values) + state.retired
        }
        for rotation in all { await rotation.shutdown() }
    }
}
