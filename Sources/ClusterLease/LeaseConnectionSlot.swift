import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The store's one connection: opened on first use, dropped (and closed) after any failure or
/// timeout, so the next call opens a fresh one. Each opened connection is a new `generation`.
final class LeaseConnectionSlot: Sendable {
    private struct State {
        /// The connection being opened or open, of the current generation.
        var connecting: Task<PostgresConnection, any Error>?
        /// Counts the connections opened so far; a discard moves past the current one.
        var generation = 0
        /// Whether the current connection has made sure the table exists.
        var schemaReady = false
        /// Set by ``shutDown()``: no connection is opened any more.
        var isShutDown = false
    }

    private let state = Mutex(State())
    private let url: PostgresURL
    private let logger: Logger
    private let eventLoopGroup: any EventLoopGroup

    /// Creates a slot that connects to `url` on `eventLoopGroup`.
    init(url: PostgresURL, logger: Logger, eventLoopGroup: any EventLoopGroup) {
        self.url = url
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
    }

    /// Whether a connection is open or being opened.
    var hasConnection: Bool { state.withLock { $0.connecting != nil } }

    /// How many connections have been opened (or attempted) so far.
    var connectionsOpened: Int { state.withLock { $0.generation + ($0.connecting == nil ? 0 : 1) } }

    /// The current generation, i.e. that of the connection a call would use now.
    var generation: Int { state.withLock { $0.generation } }

    /// The open connection and its generation, opening one when there is none (or the last one
    /// was closed by the server).
    func connection() async throws -> (PostgresConnection, Int) {
        for _ in 0..<2 {
            let (task, generation) = try state.withLock { state in
                guard !state.isShutDown else { throw LeaseStoreError.shutDown }
                if let task = state.connecting { return (task, state.generation) }
                let configuration = try url.connectionConfiguration()
                let (url, logger, loop, id) = (url, logger, eventLoopGroup.any(), state.generation + 1)
                let task = Task {
                    logger.debug("Connecting to PostgreSQL", metadata: ["url": "\(url)"])
                    return try await PostgresConnection.connect(
                        on: loop, configuration: configuration, id: id, logger: logger
                    )
                }
                state.connecting = task
                return (task, state.generation)
            }
            let connection: PostgresConnection
            do {
                connection = try await task.value
            } catch {
                discard(generation)
                throw error
            }
            guard connection.isClosed else { return (connection, generation) }
            discard(generation)
        }
        throw LeaseStoreError.connectionClosed
    }

    /// Whether the connection of `generation` has made sure the table exists.
    func isSchemaReady(_ generation: Int) -> Bool {
        state.withLock { $0.generation == generation && $0.schemaReady }
    }

    /// Records that the connection of `generation` made sure the table exists.
    func markSchemaReady(_ generation: Int) {
        state.withLock { if $0.generation == generation { $0.schemaReady = true } }
    }

    /// Drops the connection of `generation` (if it is still the current one) and closes it,
    /// cancelling it if it is still being opened.
    func discard(_ generation: Int) {
        let task = state.withLock { state -> Task<PostgresConnection, any Error>? in
            guard state.generation == generation, let task = state.connecting else { return nil }
            state.connecting = nil
            state.generation += 1
            state.schemaReady = false
            return task
        }
        guard let task else { return }
        task.cancel()
        Task { try? await task.value.close() }
    }

    /// Closes the connection, if any, and opens none any more.
    func shutDown() async {
        let task = state.withLock { state -> Task<PostgresConnection, any Error>? in
            state.isShutDown = true
            defer { state.connecting = nil }
            return state.connecting
        }
        guard let task else { return }
        task.cancel()
        try? await task.value.close()
    }
}
