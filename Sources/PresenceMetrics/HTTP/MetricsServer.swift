import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import PresenceCore
import Synchronization

/// The metrics listener: `GET /metrics` (and `HEAD`) in Prometheus's text format 0.0.4 on one
/// TCP address, nothing else answered.
///
/// Bounded so that a scraper gone wrong cannot disturb the pings: at most
/// ``maximumConnections`` at once (more are closed at accept), a request of at most
/// ``maximumRequestBytes`` (headers beyond NIO's own limit are a 400), idle connections closed
/// after ``idleTimeout``. It runs on its own one-thread event loop, not the pings'.
public final class MetricsServer: Sendable {
    /// Connections served at once; more are closed as they come.
    public static let maximumConnections = 32
    /// The most bytes a request (head and body) may have.
    public static let maximumRequestBytes = 16 * 1024
    /// A connection that sends nothing for this long is closed.
    public static let idleTimeout = TimeAmount.seconds(10)

    /// The address bound (its port is the real one when 0 was asked).
    public let address: ListenAddress
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup

    private init(address: ListenAddress, channel: any Channel, group: MultiThreadedEventLoopGroup) {
        self.address = address
        self.channel = channel
        self.group = group
    }

    /// Binds `address` and serves `render()` (called on the listener's thread for each scrape).
    /// - Throws: The bind's error (address in use, not an address of this machine).
    public static func start(address: ListenAddress, render: @escaping @Sendable () -> [UInt8]) async throws -> MetricsServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let open = Mutex(0)
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 64)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    let admitted = open.withLock { count in
                        guard count < maximumConnections else { return false }
                        count += 1
                        return true
                    }
                    guard admitted else { return channel.close() }
                    channel.closeFuture.whenComplete { _ in open.withLock { $0 -= 1 } }
                    return channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idleTimeout))
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(render: render))
                    }
                }
                .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: address.host == "localhost" ? "127.0.0.1" : address.host, port: address.port).get()
            let port = channel.localAddress?.port ?? address.port
            return MetricsServer(address: ListenAddress(host: address.host, port: port), channel: channel, group: group)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Stops listening and closes every connection.
    public func close() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}
