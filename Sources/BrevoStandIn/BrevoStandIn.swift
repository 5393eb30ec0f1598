import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A local stand-in of Brevo's `POST /v3/conversations/agentOnlinePing`, with fault injection.
///
/// It checks the `api-key` header (against one key or several, one per account) and the body
/// like Brevo, records every request, and can
/// fail, slow down, hang, drop connections and rate-limit on demand (``FaultPlan``). The demo,
/// the tests and the benchmarks use it in place of the real API.
public final class BrevoStandIn: Sendable {
    /// The host the stand-in listens on.
    public let host: String
    /// The port the stand-in listens on (the ephemeral one when started with port 0).
    public let port: Int
    /// Whether it speaks TLS (its ``baseURL`` is then `https://`).
    public let isTLS: Bool

    private let serverChannel: any Channel
    private let engine: StandInEngine
    private let connections: ConnectionRegistry
    private let brokerFaultControl: BrokerFaultControl
    private let log: RequestLog?
    private let flushTask: Mutex<RepeatedTask?>
    private let isShutDown = Mutex(false)

    private init(
        host: String, port: Int, isTLS: Bool, serverChannel: any Channel, engine: StandInEngine,
        connections: ConnectionRegistry, brokerFaultControl: BrokerFaultControl, log: RequestLog?, flushTask: RepeatedTask?
    ) {
        self.host = host
        self.port = port
        self.isTLS = isTLS
        self.serverChannel = serverChannel
        self.engine = engine
        self.connections = connections
        self.brokerFaultControl = brokerFaultControl
        self.log = log
        self.flushTask = Mutex(flushTask)
    }

    /// Starts listening on `host:port` (port 0 picks a free one), accepting one API key, and
    /// returns once bound.
    ///
    /// With `logFile`, one JSON line per request (`t`, `agent`, `status`) is appended to it,
    /// written in batches at least every 250 ms and on ``shutdown()``.
    public static func start(
        host: String = "127.0.0.1",
        port: Int = 0,
        apiKey: String,
        faults: FaultPlan = .none,
        logFile: String? = nil,
        tls: StandInTLS? = nil
    ) async throws -> BrevoStandIn {
        try await start(host: host, port: port, apiKeys: [apiKey], faults: faults, logFile: logFile, tls: tls)
    }

    /// Starts listening on `host:port` (port 0 picks a free one), accepting every key of
    /// `apiKeys` (one per account it stands in for), and returns once bound.
    ///
    /// With `logFile`, one JSON line per request (`t`, `agent`, `status`) is appended to it,
    /// written in batches at least every 250 ms and on ``shutdown()``. With `tls`, it speaks
    /// HTTPS only.
    public static func start(
        host: String = "127.0.0.1",
        port: Int = 0,
        apiKeys: [String],
        faults: FaultPlan = .none,
        logFile: String? = nil,
        tls: StandInTLS? = nil
    ) async throws -> BrevoStandIn {
        let log = try logFile.map { try RequestLog(path: $0) }
        let engine = StandInEngine(apiKeys: Set(apiKeys), plan: faults, log: log)
        let connections = ConnectionRegistry()
        let brokerFaultControl = BrokerFaultControl()
        let group = MultiThreadedEventLoopGroup.singleton
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    let number = connections.add(channel)
                    return channel.eventLoop.makeCompletedFuture {
                        try tls?.secure(channel)
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        let handler = StandInHTTPHandler(engine: engine, brokerFaultControl: brokerFaultControl, connection: number)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                }
                .bind(host: host, port: port)
                .get()
        } catch {
            log?.close()
            throw error
        }
        guard let boundPort = channel.localAddress?.port else {
            try? await channel.close()
            log?.close()
            throw StandInError.noLocalPort
        }
        let flushTask = log.map { log in
            channel.eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(250), delay: .milliseconds(250)) { _ in
                log.flush()
            }
        }
        return BrevoStandIn(
            host: host, port: boundPort, isTLS: tls != nil, serverChannel: channel, engine: engine,
            connections: connections, brokerFaultControl: brokerFaultControl, log: log, flushTask: flushTask
        )
    }

    /// The API base URL to configure a client with, e.g. `http://127.0.0.1:40123/v3`
    /// (`https://` with TLS).
    public var baseURL: String {
        let authority = host.contains(":") ? "[\(host)]" : host
        return "\(isTLS ? "https" : "http")://\(authority):\(port)/v3"
    }

    /// How many connections it has accepted (TLS ones whose handshake failed included).
    public var connectionsAccepted: Int { connections.acceptedCount }

    /// A snapshot of every request received so far, in arrival order of decision.
    public var requests: [RecordedRequest] { engine.requests }

    /// Forgets the recorded requests (the log file is not touched).
    public func clearRequests() {
        engine.clearRequests()
    }

    /// Replaces the fault plan; its spans, rate window and random sequence start now.
    public func setFaults(_ faults: FaultPlan) {
        engine.install(faults)
    }

    /// Makes `broker` the Broker stand-in that `PUT /_standin/broker-fault` on this
    /// stand-in's port switches (the body is a ``BrokerFault/init(argument:)`` spec; 204 once in
    /// force, 400 for a spec that does not read, 404 before a Broker stand-in is attached).
    public func attachBroker(_ broker: BrokerStandIn) {
        brokerFaultControl.attach(broker)
    }

    /// Stops listening, closes every connection (hung ones too) and flushes the log.
    ///
    /// Idempotent.
    public func shutdown() async throws {
        let first = isShutDown.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        flushTask.withLock { task in
            task?.cancel()
            task = nil
        }
        // Close everything even when one step fails; report the listener's error last.
        let closed: Result<Void, any Error>
        do {
            try await serverChannel.close()
            closed = .success(())
        } catch {
            closed = .failure(error)
        }
        await connections.closeAll()
        log?.close()
        try closed.get()
    }
}
