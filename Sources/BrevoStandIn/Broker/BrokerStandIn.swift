import NIOCore
import NIOPosix
import Synchronization

/// A local stand-in of a bot's Broker API (and of its OAuth2 token endpoint), with faults
/// switched at run time.
///
/// It serves the conversation start, continue and satisfaction endpoints under ``baseURL``,
/// checks the `API-KEY`, the required headers, the JSON body and, with a client, the bearer
/// token like the Broker, keeps the open test sessions, and records every request without its
/// secrets. The tests of `BrokerAPI`, the demo and the end-to-end test use it in place of a bot.
public final class BrokerStandIn: Sendable {
    /// The host the stand-in listens on.
    public let host: String
    /// The port the stand-in listens on (the ephemeral one when started with port 0), kept
    /// while it is ``BrokerFault/down``.
    public let port: Int

    private let engine: BrokerEngine
    private let listener: BrokerListener
    private let log: RequestLog?
    private let flushTask: Mutex<RepeatedTask?>
    /// Whether the stand-in is shut down, and the last fault switch, which the next one waits for.
    private let switching = Mutex<(isShutDown: Bool, last: Task<Void, any Error>?)>((false, nil))

    private init(engine: BrokerEngine, listener: BrokerListener, log: RequestLog?, flushTask: RepeatedTask?) {
        host = listener.host
        port = listener.port
        self.engine = engine
        self.listener = listener
        self.log = log
        self.flushTask = Mutex(flushTask)
    }

    /// Starts listening on `host:port` (port 0 picks a free one) and returns once bound.
    ///
    /// - Parameters:
    ///   - apiKeys: the `API-KEY`s accepted.
    ///   - client: when set, the token endpoint (``tokenURL``) issues tokens to this client,
    ///     and every Broker request needs one of them as `Authorization: Bearer`.
    ///   - answerText: what the bot answers.
    ///   - tokenLifetime: how long an issued token is good for (its `expires_in`).
    ///   - logFile: one JSON line per request (`t`, `kind`, `status`, `request_id`,
    ///     `user_agent`) is appended to it, in batches at least every 250 ms and on ``shutdown()``.
    ///   - tls: with it, the stand-in speaks HTTPS only (its URLs are then `https://`).
    public static func start(
        host: String = "127.0.0.1",
        port: Int = 0,
        apiKeys: [String],
        client: (id: String, secret: String)? = nil,
        answerText: String = "Hello! How can I help you?",
        tokenLifetime: Duration = .seconds(300),
        logFile: String? = nil,
        tls: StandInTLS? = nil
    ) async throws -> BrokerStandIn {
        let log = try logFile.map { try RequestLog(path: $0) }
        let engine = BrokerEngine(
            apiKeys: Set(apiKeys), client: client.map { BrokerEngine.Client(id: $0.id, secret: $0.secret) },
            answerText: answerText, tokenLifetime: tokenLifetime, log: log
        )
        let listener: BrokerListener
        do {
            listener = try await BrokerListener.start(host: host, port: port, tls: tls, engine: engine)
        } catch {
            log?.close()
            throw error
        }
        let flushTask = log.map { log in
            MultiThreadedEventLoopGroup.singleton.next()
                .scheduleRepeatedTask(initialDelay: .milliseconds(250), delay: .milliseconds(250)) { _ in log.flush() }
        }
        return BrokerStandIn(engine: engine, listener: listener, log: log, flushTask: flushTask)
    }

    /// The Broker API's base URL to configure a bot with, e.g. `http://127.0.0.1:40123/eva-broker`.
    public var baseURL: String { origin + BrokerRoute.basePath }

    /// The token endpoint's URL, e.g. `http://127.0.0.1:40123/auth/token`.
    public var tokenURL: String { origin + BrokerRoute.tokenPath }

    private var origin: String {
        let authority = host.contains(":") ? "[\(host)]" : host
        return "\(listener.tls == nil ? "http" : "https")://\(authority):\(port)"
    }

    /// Switches to `fault`, returning once it is in force: ``BrokerFault/down`` stops listening
    /// and closes every connection; any other fault listens again on the same port.
    ///
    /// Switches run one at a time, in call order. Does nothing after ``shutdown()``.
    ///
    /// - Throws: when the port cannot be bound again.
    public func setFault(_ fault: BrokerFault) async throws {
        let switched: Task<Void, any Error>? = switching.withLock { switching in
            guard !switching.isShutDown else { return nil }
            let previous = switching.last
            let next = Task { [engine, listener] in
                _ = await previous?.result
                engine.install(fault)
                if fault == .down { await listener.stop() } else { try await listener.resume() }
            }
            switching.last = next
            return next
        }
        try await switched?.value
    }

    /// The fault in force.
    public var fault: BrokerFault { engine.fault }

    /// A snapshot of every request received so far, in order of decision.
    public func requests() -> [BrokerRecordedRequest] { engine.requests }

    /// How many test sessions are open (started and not closed with `expireSession: true`).
    public var openSessions: Int { engine.openSessions }

    /// Forgets every issued token, as a restarted identity provider would: requests with one
    /// get 401 until a new token is fetched.
    public func revokeTokens() {
        engine.revokeTokens()
    }

    /// Stops listening, closes every connection and flushes the log. Idempotent.
    public func shutdown() async {
        let last: Task<Void, any Error>? = switching.withLock { switching in
            defer { switching = (true, nil) }
            return switching.isShutDown ? nil : switching.last
        }
        _ = await last?.result
        flushTask.withLock { task in
            task?.cancel()
            task = nil
        }
        await listener.stop()
        log?.close()
    }
}
