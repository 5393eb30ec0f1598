import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The Broker stand-in's listening socket, which can stop (connections refused, open ones
/// closed) and listen again on the same port.
///
/// Not serialized itself: ``BrokerStandIn`` runs one stop or resume at a time.
final class BrokerListener: Sendable {
    let host: String
    /// The port, fixed at the first bind (the ephemeral one when asked for port 0).
    let port: Int

    /// TLS, when it speaks HTTPS.
    let tls: StandInTLS?
    private let engine: BrokerEngine
    private let connections: ConnectionRegistry
    private let channel: Mutex<(any Channel)?>

    private init(host: String, port: Int, tls: StandInTLS?, engine: BrokerEngine, connections: ConnectionRegistry, channel: any Channel) {
        self.host = host
        self.port = port
        self.tls = tls
        self.engine = engine
        self.connections = connections
        self.channel = Mutex(channel)
    }

    /// Starts listening on `host:port` (port 0 picks a free one).
    static func start(host: String, port: Int, tls: StandInTLS?, engine: BrokerEngine) async throws -> BrokerListener {
        let connections = ConnectionRegistry()
        let channel = try await bind(host: host, port: port, tls: tls, engine: engine, connections: connections)
        guard let boundPort = channel.localAddress?.port else {
            try? await channel.close()
            throw StandInError.noLocalPort
        }
        return BrokerListener(host: host, port: boundPort, tls: tls, engine: engine, connections: connections, channel: channel)
    }

    /// Whether the socket is listening.
    var isListening: Bool { channel.withLock { $0 != nil } }

    /// Stops listening and closes every open connection, hung ones too.
    func stop() async {
        let open = channel.withLock { channel in
            defer { channel = nil }
            return channel
        }
        try? await open?.close()
        await connections.closeAll()
    }

    /// Listens again on the same port, when stopped.
    func resume() async throws {
        guard !isListening else { return }
        let fresh = try await Self.bind(host: host, port: port, tls: tls, engine: engine, connections: connections)
        channel.withLock { $0 = fresh }
    }

    private static func bind(
        host: String, port: Int, tls: StandInTLS?, engine: BrokerEngine, connections: ConnectionRegistry
    ) async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                let number = connections.add(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try tls?.secure(channel)
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(BrokerHTTPHandler(engine: engine, connection: number))
                }
            }
            .bind(host: host, port: port)
            .get()
    }
}
