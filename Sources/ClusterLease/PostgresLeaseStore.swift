import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import PresenceCore

/// The cluster's lease in PostgreSQL: ``LeaseTransport`` over one connection, one statement at
/// a time.
///
/// The connection is opened on first use and dropped after any failure or timeout (closed,
/// never reused); the next call opens a new one. The table `agent_presenced_lease` is created
/// when missing. Every call has a deadline, ``statementTimeout`` (plus the URL's connect
/// timeout when it has to connect first): when it passes, the connection is closed and the
/// call completes with `.failed`, whatever the server is doing. Only single statements without
/// session state are sent, so the store works behind a transaction-pooling PgBouncer. Nothing
/// throws and no message carries the password. Call ``shutdown()`` before the last reference
/// goes away.
public final class PostgresLeaseStore: LeaseTransport {
    /// The deadline of one statement when none is given.
    public static let defaultStatementTimeout = Duration.seconds(5)

    /// Where the lease lives (its description hides the password).
    public let url: PostgresURL
    /// The deadline of one statement.
    public let statementTimeout: Duration
    let logger: Logger
    let eventLoopGroup: any EventLoopGroup
    let slot: LeaseConnectionSlot

    /// Creates a store; it connects at its first call.
    ///
    /// - Parameters:
    ///   - url: the database and how to log in.
    ///   - statementTimeout: how long one statement may take before its connection is dropped.
    ///   - logger: for connection events (PostgresNIO logs at debug and trace).
    ///   - eventLoopGroup: where the connection runs; by default NIO's process-wide singleton.
    public init(
        url: PostgresURL,
        statementTimeout: Duration = PostgresLeaseStore.defaultStatementTimeout,
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.url = url
        self.statementTimeout = statementTimeout
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
        self.slot = LeaseConnectionSlot(url: url, logger: logger, eventLoopGroup: eventLoopGroup)
    }

    /// Acquires or renews `request`'s lease in one statement (creating the table first if
    /// needed) and reports who holds it.
    public func acquire(_ request: LeaseRequest, completion: @escaping @Sendable (LeaseOutcome) -> Void) {
        run(doing: "acquire", failure: { .failed(message: $0) }, completion: completion) { connection, generation in
            try await self.ensureTable(on: connection, generation: generation)
            return try await self.acquireStatement(request, on: connection)
        }
    }

    /// Gives `request`'s lease up (it expires at the database's `now()`) if its token holds it.
    public func release(_ request: LeaseRequest, completion: @escaping @Sendable () -> Void) {
        run(doing: "release", failure: { [logger] message in
            logger.warning("Lease release failed", metadata: ["error": "\(message)"])
        }, completion: completion) { connection, _ in
            var binds = PostgresBindings(capacity: 2)
            binds.append(request.cluster)
            binds.append(request.token)
            try await connection.query(PostgresQuery(unsafeSQL: LeaseSQL.release, binds: binds), logger: self.logger)
        }
    }

    /// Closes the connection; later calls fail at once.
    public func shutdown() async {
        await slot.shutDown()
    }

    /// Runs `body` on the connection under the call's deadline; completes exactly once, with
    /// `body`'s result or `failure` of a message.
    private func run<Result: Sendable>(
        doing: String,
        failure: @escaping @Sendable (String) -> Result,
        completion: @escaping @Sendable (Result) -> Void,
        body: @escaping @Sendable (PostgresConnection, Int) async throws -> Result
    ) {
        let once = CompletionOnce(completion)
        let budget = slot.hasConnection ? statementTimeout : statementTimeout + url.connectTimeout
        let generation = GenerationBox(slot.generation)
        let (slot, password) = (slot, url.password)
        let timer = eventLoopGroup.any().scheduleTask(in: .nanoseconds(max(budget.nanoseconds, 1))) {
            let message = "PostgreSQL \(doing) failed: timed out after \(budget) (connection closed)"
            // The connection is dropped before the caller hears of it, so its next call opens a new one.
            guard let complete = once.claim() else { return }
            slot.discard(generation.value)
            complete(failure(message))
        }
        Task {
            do {
                let (connection, current) = try await slot.connection()
                generation.value = current
                let result = try await body(connection, current)
                timer.cancel()
                once.complete(result)
            } catch {
                timer.cancel()
                slot.discard(generation.value)
                once.complete(failure(LeaseFailureMessage.make(error, doing: doing, password: password)))
            }
        }
    }
}
