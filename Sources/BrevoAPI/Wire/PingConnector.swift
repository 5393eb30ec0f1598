import NIOCore
import NIOPosix
import NIOSSL

/// Opens the channels of one ``PingConnectionPool``'s connections, the way AsyncHTTPClient
/// did: directly (to the address of an IP literal, else to the resolved name), or to the
/// forward proxy; through a ``ProxyTunnel`` for an `https` URL behind a proxy; then TLS (the
/// pool's one `NIOSSLContext`, the host as server name unless it is an IP literal), then the
/// ``PingResponseDecoder`` and the ``PingConnection``.
///
/// Used on the pool's event loop only (`@unchecked Sendable` to live in the pool).
final class PingConnector: @unchecked Sendable {
    /// Where the connections go.
    private let endpoint: PingEndpoint
    /// The `CONNECT` request, for an `https` URL through a proxy.
    private let tunnelRequest: ByteBuffer?
    /// Made for the first TLS connection, kept (or its error) for all others.
    private var sslContext: Result<NIOSSLContext, any Error>?

    /// A connector to `endpoint`.
    init(endpoint: PingEndpoint) {
        self.endpoint = endpoint
        if endpoint.usesTLS, let proxy = endpoint.transport.proxy {
            tunnelRequest = ProxyTunnel.request(to: endpoint.authority, authorization: proxy.basicAuthorization)
        } else {
            tunnelRequest = nil
        }
    }

    /// Connects a channel for `connection` within `timeout` and sets its pipeline up, which
    /// sends the connection's ping. `connected` is called first, with the channel as soon as
    /// it is connected; `failed` when no channel could be connected. Errors after that (proxy,
    /// TLS) fail the connection's ping and close the channel.
    func connect(
        _ connection: PingConnection, on eventLoop: any EventLoop, timeout: TimeAmount,
        connected: @escaping (any Channel) -> Void, failed: @escaping (any Error) -> Void
    ) {
        // ClientBootstrap sets TCP_NODELAY itself. (`.socketOption(.tcp_nodelay)` would set
        // option 1 at the socket level, SO_DEBUG, which a unit without CAP_NET_ADMIN refuses.)
        let bootstrap = ClientBootstrap(group: eventLoop).connectTimeout(timeout)
        let future: EventLoopFuture<any Channel>
        if let proxy = endpoint.transport.proxy {
            future = bootstrap.connect(host: proxy.address.host, port: proxy.address.port)
        } else if let address = endpoint.ipAddress {
            future = bootstrap.connect(to: address)
        } else {
            future = bootstrap.connect(host: endpoint.host, port: endpoint.port)
        }
        future.assumeIsolated().whenComplete { [self] result in
            switch result {
            case .failure(let error):
                failed(error)
            case .success(let channel):
                connected(channel)
                connection.connected(channel)
                guard !connection.isClosing else { return }
                do {
                    try setUp(channel, for: connection)
                } catch {
                    connection.fail(error)
                }
            }
        }
    }

    /// Installs the tunnel (then TLS and the connection once it is up), or TLS and the connection.
    private func setUp(_ channel: any Channel, for connection: PingConnection) throws {
        guard let tunnelRequest else {
            if endpoint.usesTLS { try addTLS(to: channel) }
            return try connection.install(on: channel)
        }
        let tunnel = ProxyTunnel(request: tunnelRequest) { [self] result in
            do {
                try result.get()
                guard !connection.isClosing else { return }
                try addTLS(to: channel)
                try connection.install(on: channel)
            } catch {
                connection.fail(error)
            }
        }
        try channel.pipeline.syncOperations.addHandler(tunnel)
    }

    /// Adds TLS with the pool's one context, made on first use.
    private func addTLS(to channel: any Channel) throws {
        if sslContext == nil {
            sslContext = Result { try NIOSSLContext(configuration: endpoint.transport.tlsConfiguration) }
        }
        let context = try sslContext!.get()
        let serverName = endpoint.ipAddress == nil ? endpoint.host : nil
        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName))
    }
}
