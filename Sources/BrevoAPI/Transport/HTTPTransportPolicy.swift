import Foundation
import PresenceCore

/// How an account's or a bot's requests reach their hosts: its extra CA certificates, and the
/// proxy routes (the `proxy:` section or the environment) with the proxy's credentials.
///
/// ``transport(for:)`` picks the ``HTTPTransport`` of one URL, since `no_proxy` and the
/// scheme decide per host.
public struct HTTPTransportPolicy: Hashable, Sendable {
    /// Extra trust anchors (`ca_file`); `nil` for the system's trust store alone.
    public var trust: TrustAnchors?
    /// Which proxy serves which URL.
    public var routes: ProxyRoutes
    /// The user name and password of the proxy, when it wants them; else those of its URL.
    public var proxyCredentials: ProxyUserInfo?

    /// Creates a policy.
    public init(trust: TrustAnchors? = nil, routes: ProxyRoutes = .direct, proxyCredentials: ProxyUserInfo? = nil) {
        self.trust = trust
        self.routes = routes
        self.proxyCredentials = proxyCredentials
    }

    /// The system's trust store, no proxy.
    public static let direct = HTTPTransportPolicy()

    /// The transport of requests to `url`: this trust, and the proxy of its scheme unless
    /// `no_proxy` names its host. A URL that does not parse goes direct (and fails on its own).
    public func transport(for url: String) -> HTTPTransport {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host,
              let route = routes.route(scheme: scheme, host: host) else {
            return HTTPTransport(trust: trust)
        }
        return HTTPTransport(trust: trust, proxy: proxy(of: route))
    }

    /// Every transport ``transport(for:)`` can give, whatever the URL: direct, and through each proxy.
    public var possibleTransports: [HTTPTransport] {
        [HTTPTransport(trust: trust)] + [routes.https, routes.http].compactMap { $0 }.map { HTTPTransport(trust: trust, proxy: proxy(of: $0)) }
    }

    private func proxy(of route: ProxyRoutes.Route) -> ForwardProxy {
        ForwardProxy(address: route.address, origin: route.origin, credentials: proxyCredentials ?? route.address.userInfo)
    }
}
