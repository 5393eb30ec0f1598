import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// The keep-alive connections of one ``PingEndpoint``, on one event loop.
///
/// Idle connections are reused last-in first-out; at most ``maximumConnections`` are open or
/// opening at once (AsyncHTTPClient's default per host), and pings beyond wait first-in
/// first-out, their deadlines running. An idle connection closes after ``idleTimeout``, or as
/// soon as the server closes it. ``recycle()`` closes the idle connections at once and the busy
/// ones after their ping; ``retire()`` lets the pool close once idle; ``shutdown()`` closes
/// everything and fails what is pending with `HTTPClientError.alreadyShutdown`.
///
/// Every method but ``recycle()``, ``retire()``, ``shutdown()`` and ``isClosed`` runs on
/// ``eventLoop``; those hop there. The TLS context is made once, for the pool's first
/// connection.
final class PingConnectionPool: @unchecked Sendable {
    /// The most connections open or opening at once.
    static let maximumConnections = 8
    /// How long a connection stays open idle.
    static let idleTimeout = TimeAmount.seconds(30)

    /// Whether the pool takes pings, closes once idle, or is shut down.
    private enum Phase {
        /// In use.
        case active
        /// Closes as soon as nothing is open.
        case retired
        /// Everything closed; pings fail at once.
        case shutDown
    }

    /// The loop all of the pool's connections run on.
    let eventLoop: any EventLoop
    /// Where the connections go.
    let endpoint: PingEndpoint
    /// Opens the channels, with the pool's one TLS context.
    private let connector: PingConnector
    /// Active, retired or shut down.
    private var phase = Phase.active
    /// Counts recycles; connections of an older generation close after their ping.
    private var generation = 0
    /// Idle connections, the most recently used last.
    private var idle: [PingConnection] = []
    /// Every connection open or opening, by identity.
    private var connections: [ObjectIdentifier: PingConnection] = [:]
    /// Pings waiting for a connection, first come first served (completed ones are skipped).
    private var waiting = CircularBuffer<PingExchange>()
    /// The idle-timeout check, armed for when the longest-idle connection expires.
    private var sweep: Scheduled<Void>?
    /// The deadlines of the pings sent to the pool and not yet done.
    private(set) var deadlines = PingDeadlines()
    /// Shutdowns waiting for the last connection to close.
    private var drained: [EventLoopPromise<Void>] = []
    /// ``isClosed``, readable from any thread.
    private let closedFlag = Atomic<Bool>(false)

    /// A pool for `endpoint` on `eventLoop`. Each ping brings its own deadline, which also
    /// bounds the connect of a connection opened for it.
    init(endpoint: PingEndpoint, eventLoop: any EventLoop) {
        self.endpoint = endpoint
        self.eventLoop = eventLoop
        connector = PingConnector(endpoint: endpoint)
    }

    /// Whether the pool was retired or shut down and has nothing open any more.
    var isClosed: Bool { closedFlag.load(ordering: .acquiring) }

    /// Sends `exchange` on an idle connection, a new one, or queues it; on the event loop.
    func send(_ exchange: PingExchange) {
        guard phase != .shutDown, deadlines.track(exchange, on: eventLoop, check: DeadlineCheck(pool: self)) else {
            return exchange.complete(.failure(HTTPClientError.alreadyShutdown))
        }
        while let connection = idle.popLast() {
            if connection.isUsable { return connection.reuse(for: exchange) }
            connection.close()
        }
        if connections.count < Self.maximumConnections {
            open(for: exchange)
        } else {
            waiting.append(exchange)
        }
    }

    /// Sends `exchange` once more, on a fresh connection: its reused one failed before answering.
    func retry(_ exchange: PingExchange) {
        guard phase != .shutDown else { return exchange.complete(.failure(HTTPClientError.alreadyShutdown)) }
        if connections.count < Self.maximumConnections {
            open(for: exchange)
        } else {
            waiting.prepend(exchange)
        }
    }

    /// Takes back `connection` after a complete answer that allows another request.
    func release(_ connection: PingConnection) {
        guard phase != .shutDown, connection.generation == generation else { return connection.close() }
        while let next = waiting.popFirst() {
            if !next.isDone { return connection.reuse(for: next) }
        }
        guard phase == .active else { return connection.close() }
        connection.idleSince = .now()
        idle.append(connection)
        armSweep()
    }

    /// Opens a connection for `exchange`, with what is left of its deadline as connect timeout.
    private func open(for exchange: PingExchange) {
        let connection = PingConnection(pool: self, generation: generation, exchange: exchange)
        // A retired pool that closed opens again for a ping that still came to it.
        if connections.isEmpty, phase != .active { closedFlag.store(false, ordering: .releasing) }
        connections[ObjectIdentifier(connection)] = connection
        let remaining = exchange.deadline - .now()
        connector.connect(connection, on: eventLoop, timeout: max(remaining, .milliseconds(1))) { [self] channel in
            channel.closeFuture.assumeIsolated().whenComplete { _ in
                // A ping still on it (its handler never saw the close) fails now, not at its deadline.
                connection.fail(HTTPClientError.remoteConnectionClosed)
                self.closed(connection)
            }
        } failed: { [self] error in
            connection.fail(error)
            closed(connection)
        }
    }

    /// `connection` closed (or never connected): its place goes to the next waiting ping.
    private func closed(_ connection: PingConnection) {
        deadlines.trim()
        guard connections.removeValue(forKey: ObjectIdentifier(connection)) != nil else { return }
        if let index = idle.firstIndex(where: { $0 === connection }) { idle.remove(at: index) }
        while phase != .shutDown, connections.count < Self.maximumConnections, let next = waiting.popFirst() {
            if !next.isDone { open(for: next) }
        }
        if phase != .active, connections.isEmpty { finishClosing() }
    }

    /// Nothing is open any more: stops the idle check, marks the pool closed, ends waiting shutdowns.
    private func finishClosing() {
        deadlines.trim()
        sweep?.cancel()
        sweep = nil
        closedFlag.store(true, ordering: .releasing)
        let promises = drained
        drained.removeAll()
        for promise in promises { promise.succeed() }
    }

    /// A ping on one of the pool's connections completed with its answer: its deadline no
    /// longer needs watching.
    func pingEnded() {
        deadlines.trim()
    }

    /// Ends the pings whose deadline passed, from ``deadlines``' callback.
    fileprivate func deadlinesPassed() {
        let expired = deadlines.expire(at: .now(), on: eventLoop, check: DeadlineCheck(pool: self))
        for exchange in expired { exchange.expire() }
        deadlines.trim()
    }

    /// Arms one wake-up for when the longest-idle connection (the stack's bottom) expires, unless
    /// one is armed: a periodic check woke an idle daemon between its pings. A connection reused
    /// meanwhile only moves the next wake-up on.
    private func armSweep() {
        guard sweep == nil, let oldest = idle.first else { return }
        sweep = eventLoop.scheduleTask(deadline: oldest.idleSince + Self.idleTimeout) { [self] in
            sweep = nil
            let cutoff = NIODeadline.now() - Self.idleTimeout
            while let first = idle.first, first.idleSince <= cutoff {
                idle.removeFirst()
                first.close()
            }
            armSweep()
        }
    }

    /// Closes the idle connections now and the busy ones after their ping; new pings open
    /// fresh connections. Thread-safe.
    func recycle() {
        eventLoop.execute { [self] in
            generation += 1
            let stale = idle
            idle.removeAll()
            for connection in stale { connection.close() }
        }
    }

    /// Lets the pool close once nothing is open: idle connections close now, busy ones after
    /// their ping. Pings still sent to it are served. Thread-safe.
    func retire() {
        eventLoop.execute { [self] in
            guard phase == .active else { return }
            phase = .retired
            let stale = idle
            idle.removeAll()
            for connection in stale { connection.close() }
            if connections.isEmpty { finishClosing() }
        }
    }

    /// Closes every connection; pings in flight or waiting, and later ones, complete with
    /// `HTTPClientError.alreadyShutdown`. Returns once everything is closed. Thread-safe.
    func shutdown() async {
        let promise = eventLoop.makePromise(of: Void.self)
        eventLoop.execute { [self] in
            phase = .shutDown
            drained.append(promise)
            let error = HTTPClientError.alreadyShutdown
            while let next = waiting.popFirst() { next.complete(.failure(error)) }
            idle.removeAll()
            for connection in Array(connections.values) { connection.shutDown(with: error) }
            if connections.isEmpty { finishClosing() }
        }
        try? await promise.futureResult.get()
    }
}

/// The loop's callback into ``PingConnectionPool/deadlinesPassed()``.
private struct DeadlineCheck: NIOScheduledCallbackHandler, Sendable {
    let pool: PingConnectionPool

    func handleScheduledCallback(eventLoop: some EventLoop) {
        pool.deadlinesPassed()
    }
}
