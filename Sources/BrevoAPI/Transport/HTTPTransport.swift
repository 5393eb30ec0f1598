import AsyncHTTPClient
import NIOCore
import NIOSSL

/// How requests reach one kind of endpoint: the CA certificates trusted beside the system's
/// and the forward proxy, if any. Requests with equal transports share one connection pool.
public struct HTTPTransport: Hashable, Sendable {
    /// Extra trust anchors (`ca_file`); `nil` for the system's trust store alone.
    public var trust: TrustAnchors?
    /// The forward proxy; `nil` to connect directly.
    public var proxy: ForwardProxy?

    /// Creates a transport.
    public init(trust: TrustAnchors? = nil, proxy: ForwardProxy? = nil) {
        self.trust = trust
        self.proxy = proxy
    }

    /// The system's trust store, no proxy.
    public static let direct = HTTPTransport()

    /// The TLS client configuration of this trust: the system's trust store, and the extra
    /// anchors beside it. The pings' own client and AsyncHTTPClient's configuration share it.
    var tlsConfiguration: TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let trust { tls.additionalTrustRoots = [.certificates(trust.certificates)] }
        return tls
    }

    /// An AsyncHTTPClient configuration with this trust and proxy: no redirects, no
    /// decompression, idle connections kept 30 s, no retried connection attempts (each caller's
    /// own schedule retries), and `timeout` as the connect and read timeouts.
    func configuration(timeout: Duration) -> HTTPClient.Configuration {
        let amount = TimeAmount.nanoseconds(max(timeout.nanoseconds, 1_000_000))
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tlsConfiguration,
            redirectConfiguration: .disallow,
            timeout: .init(connect: amount, read: amount),
            connectionPool: .init(idleTimeout: .seconds(30)),
            proxy: proxy.map { proxy in
                .server(host: proxy.address.host, port: proxy.address.port,
                        authorization: proxy.credentials.map { .basic(username: $0.username, password: $0.password) })
            },
            decompression: .disabled
        )
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }
}
