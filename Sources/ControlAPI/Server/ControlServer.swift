#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The local control API's server: HTTP/1.1 + JSON on one or more Unix stream sockets, on the
/// daemon's event loop group, answering through the daemon's ``ControlRoutes``.
public final class ControlServer: Sendable {
    private let channels: [any Channel]
    private let socketFiles: [SocketFile]
    private let connections: ConnectionRegistry
    private let isShutDown = Mutex(false)

    private init(channels: [any Channel], socketFiles: [SocketFile], connections: ConnectionRegistry) {
        self.channels = channels
        self.socketFiles = socketFiles
        self.connections = connections
    }

    /// Starts listening on every listener and returns once all are accepting; if one fails,
    /// those already started are closed again and the error is thrown.
    public static func start(
        listeners: [ControlListener],
        routes: any ControlRoutes,
        group: any EventLoopGroup,
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "agent-presenced.control", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> ControlServer {
        guard !listeners.isEmpty else { throw ControlServerError.noListeners }
        let connections = ConnectionRegistry(limit: configuration.maxConnections)
        var channels: [any Channel] = []
        var socketFiles: [SocketFile] = []
        do {
            for listener in listeners {
                let settings = ConnectionSettings(
                    routes: routes, access: listener.access, requestTimeout: TimeAmount(configuration.requestTimeout),
                    maxBodyBytes: configuration.maxBodyBytes, logger: logger
                )
                let bootstrap = makeBootstrap(group: group, settings: settings, connections: connections)
                switch listener.source {
                case .path(let path, let mode):
                    try SocketFile.removeStale(at: path)
                    channels.append(try await bootstrap.bind(unixDomainSocketPath: path).get())
                    socketFiles.append(try SocketFile.adopt(path: path, mode: mode))
                case .inheritedDescriptor(let descriptor):
                    channels.append(try await bootstrap.withBoundSocket(descriptor).get())
                }
            }
        } catch {
            for channel in channels { try? await channel.close() }
            for file in socketFiles { file.remove() }
            logger.error("control API could not start", metadata: ["error": "\(error)"])
            throw error
        }
        return ControlServer(channels: channels, socketFiles: socketFiles, connections: connections)
    }

    /// How many client connections are open and being served (those over the cap excluded).
    public var openConnections: Int { connections.count }

    /// How many connections were refused with 429 over the connection cap since the start
    /// (for the daemon's metrics, and to tell a flood from a slow client).
    public var refusedConnections: Int { connections.refused }

    /// Stops listening, closes every open connection and removes the socket files the server
    /// created (inherited sockets' files are left to whoever made them). Idempotent.
    public func shutdown() async {
        let first = isShutDown.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        for channel in channels {
            try? await channel.close()
        }
        await connections.closeAll()
        for file in socketFiles {
            file.remove()
        }
    }

    /// A bootstrap whose connections get the HTTP pipeline and a ``ControlConnectionHandler``,
    /// or, over the cap, only a ``RefusalResponder``.
    private static func makeBootstrap(
        group: any EventLoopGroup, settings: ConnectionSettings, connections: ConnectionRegistry
    ) -> ServerBootstrap {
        ServerBootstrap(group: group)
            // Room for a burst of connects: those past the cap must reach accept() to be told 429.
            .serverChannelOption(.backlog, value: 256)
            .childChannelInitializer { channel in
                let refusal: ControlResponse
                switch connections.admit(channel) {
                case .admitted:
                    return configureServed(channel, settings: settings)
                case .refused(let firstOfEpisode):
                    if firstOfEpisode {
                        settings.logger.warning(
                            "control API connection limit reached; refusing connections with 429",
                            metadata: ["limit": "\(connections.limit)"]
                        )
                    }
                    refusal = RefusalResponder.overCapacity
                case .closing:
                    refusal = RefusalResponder.shuttingDown
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(RefusalResponder(refusal))
                }
            }
    }

    /// Sets up a served connection: the peer's uid if the policy needs it, NIO's HTTP/1.1
    /// handlers, then the ``ControlConnectionHandler``.
    private static func configureServed(_ channel: any Channel, settings: ConnectionSettings) -> EventLoopFuture<Void> {
        let peerUID: EventLoopFuture<uid_t?> =
            settings.access.needsPeerUID
            ? PeerCredentials.uid(of: channel) : channel.eventLoop.makeSucceededFuture(nil)
        return peerUID.flatMapThrowing { uid in
            if uid == nil, settings.access.needsPeerUID {
                // Without the peer's uid only reading is allowed; say why changes will be refused.
                settings.logger.warning("control API could not read the peer's credentials (SO_PEERCRED)")
            }
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                withErrorHandling: false, withEncoderConfiguration: .init(), withDecoderLimitConfiguration: decoderLimits
            )
            try channel.pipeline.syncOperations.addHandler(ControlConnectionHandler(settings: settings, peerUID: uid))
        }
    }

    /// Request heads of this API are a few hundred bytes; tight limits keep a hostile head's
    /// cost per connection small (NIO's defaults allow 80 KiB).
    private static var decoderLimits: NIOHTTPDecoderLimitConfiguration {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = 8 * 1024
        limits.maxHeaderListSize = 16 * 1024
        limits.maxHeaderFieldCount = 100
        return limits
    }
}
