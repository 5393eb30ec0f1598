import AsyncHTTPClient
import NIOCore
import Synchronization

/// The HTTP clients behind one ``BrevoClient``: the current one, which new requests use, and
/// retired ones, each shut down as soon as its last in-flight request has finished.
///
/// Recycling swaps in a fresh client (so new requests open fresh connections) without
/// cancelling anything in flight on the old one. Thread-safe.
package final class HTTPClientRotation: Sendable {
    /// A client handed to one request; give it back with ``release(_:)`` when the request is over.
    package struct Lease: Sendable {
        /// The client to send on.
        package let client: HTTPClient
        /// Which client it is, counting recycles from 0.
        package let generation: Int
    }

    private struct Entry {
        var client: HTTPClient
        var inFlight = 0
    }

    private struct State {
        var generation = 0
        /// The current client and the retired ones still finishing requests, by generation.
        var open: [Int: Entry]
        /// Shutdowns started for drained clients, by generation, until they finish.
        var closing: [Int: Task<Void, Never>] = [:]
        var isShutDown = false
        /// No longer anybody's: each client closes once its requests are done.
        var isRetired = false
    }

    private let makeClient: @Sendable () -> HTTPClient
    private let state: Mutex<State>

    /// Creates the rotation and its first client with `makeClient`, which every recycle calls again.
    package init(makeClient: @escaping @Sendable () -> HTTPClient) {
        self.makeClient = makeClient
        state = Mutex(State(open: [0: Entry(client: makeClient())]))
    }

    /// The rotation of the edges' pooled clients on `eventLoopGroup` with `transport`'s trust
    /// and proxy, and `timeout` as the connect and read timeouts (see
    /// ``HTTPTransport/configuration(timeout:)``).
    package static func pooled(
        on eventLoopGroup: any EventLoopGroup, timeout: Duration, transport: HTTPTransport = .direct
    ) -> HTTPClientRotation {
        let settings = transport.configuration(timeout: timeout)
        return HTTPClientRotation { HTTPClient(eventLoopGroup: eventLoopGroup, configuration: settings) }
    }

    /// Whether every client is closed: retired or shut down, with nothing left in flight.
    package var isClosed: Bool { state.withLock { $0.open.isEmpty && $0.closing.isEmpty } }

    /// The current client's generation: 0 until the first recycle.
    package var generation: Int { state.withLock { $0.generation } }

    /// The current client for one request, or `nil` after ``shutdown()``.
    package func acquire() -> Lease? {
        state.withLock { state in
            guard !state.isShutDown, var entry = state.open[state.generation] else { return nil }
            entry.inFlight += 1
            state.open[state.generation] = entry
            return Lease(client: entry.client, generation: state.generation)
        }
    }

    /// Ends the request that held `lease`; shuts a retired client down once it is drained.
    package func release(_ lease: Lease) {
        state.withLock { state in
            guard var entry = state.open[lease.generation] else { return }
            entry.inFlight -= 1
            state.open[lease.generation] = entry
            if lease.generation != state.generation || state.isRetired, entry.inFlight == 0 {
                retire(lease.generation, in: &state)
            }
        }
    }

    /// Swaps in a fresh client for new requests; the old one closes when its requests finish.
    ///
    /// Does nothing after ``shutdown()``.
    package func recycle() {
        let fresh = makeClient()
        let unused: HTTPClient? = state.withLock { state in
            guard !state.isShutDown else { return fresh }
            let old = state.generation
            state.generation += 1
            state.open[state.generation] = Entry(client: fresh)
            if state.open[old]?.inFlight == 0 { retire(old, in: &state) }
            return nil
        }
        // Raced with shutdown: the fresh client was never handed out.
        if let unused { Task { try? await unused.shutdown() } }
    }

    /// Lets every client close as soon as its requests are done: for a rotation nobody uses any
    /// more (its transport went away at a reload). A request that still acquires one of them
    /// meanwhile is served; ``shutdown()`` still waits for all of them.
    package func retire() {
        state.withLock { state in
            state.isRetired = true
            for (generation, entry) in state.open where entry.inFlight == 0 {
                retire(generation, in: &state)
            }
        }
    }

    /// Shuts every client down, the current one, retired ones still busy (their requests are
    /// cancelled) and those already closing, and waits for all of them. Idempotent.
    package func shutdown() async {
        let (clients, closing) = state.withLock { state in
            state.isShutDown = true
            let clients = state.open.values.map(\.client)
            state.open.removeAll()
            return (clients, Array(state.closing.values))
        }
        for client in clients {
            try? await client.shutdown()
        }
        for task in closing {
            await task.value
        }
    }

    /// Removes the drained client of `generation` and starts its shutdown; called under the lock.
    private func retire(_ generation: Int, in state: inout State) {
        guard let entry = state.open.removeValue(forKey: generation) else { return }
        let client = entry.client
        state.closing[generation] = Task { [weak self] in
            try? await client.shutdown()
            self?.closed(generation)
        }
    }

    private func closed(_ generation: Int) {
        state.withLock { _ = $0.closing.removeValue(forKey: generation) }
    }
}
