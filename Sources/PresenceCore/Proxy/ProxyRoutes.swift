/// Which proxy, if any, a request to a given URL goes through: the `proxy:` section when the
/// config has one, else the environment as curl reads it.
///
/// `https_proxy` (or `HTTPS_PROXY`) serves `https://` URLs and `http_proxy` `http://` ones
/// (never `HTTP_PROXY`, which a CGI request can set); `no_proxy` (or `NO_PROXY`) lists the hosts
/// reached directly. `proxy.url` serves both schemes; `proxy.no_proxy` replaces `no_proxy`.
public struct ProxyRoutes: Hashable, Sendable {
    /// A proxy and where it was set (`proxy.url`, `https_proxy`, ...), for messages.
    public struct Route: Hashable, Sendable, CustomStringConvertible {
        /// The proxy.
        public var address: ProxyAddress
        /// The config key or environment variable that set it.
        public var origin: String

        /// Creates a route.
        public init(address: ProxyAddress, origin: String) {
            self.address = address
            self.origin = origin
        }

        /// `http://host:port (from origin)`.
        public var description: String { "\(address) (from \(origin))" }
    }

    /// The proxy of `https://` URLs.
    public var https: Route?
    /// The proxy of `http://` URLs.
    public var http: Route?
    /// The hosts reached directly.
    public var bypass: NoProxyList

    /// Creates routes.
    public init(https: Route? = nil, http: Route? = nil, bypass: NoProxyList = .empty) {
        self.https = https
        self.http = http
        self.bypass = bypass
    }

    /// No proxy for any URL.
    public static let direct = ProxyRoutes()

    /// The proxy of a request to `host` over `scheme` (`http` or `https`); `nil` to go direct.
    public func route(scheme: String, host: String) -> Route? {
        let route = scheme.lowercased() == "https" ? https : http
        guard let route, !bypass.matches(host: host) else { return nil }
        return route
    }

    /// The routes `settings` and `environment` give; a proxy URL that does not parse is an
    /// error naming its variable or key.
    public static func resolve(
        _ settings: ProxySettings?, environment: [String: String]
    ) -> Result<ProxyRoutes, ProxyRouteError> {
        if let settings, settings.direct { return .success(.direct) }
        let bypass = settings?.noProxy ?? variable(["no_proxy", "NO_PROXY"], in: environment).map { NoProxyList(parsing: $0.value) } ?? .empty
        if let url = settings?.url {
            let route = Route(address: url, origin: "proxy.url")
            return .success(ProxyRoutes(https: route, http: route, bypass: bypass))
        }
        var routes = ProxyRoutes(bypass: bypass)
        for (names, scheme) in [(["https_proxy", "HTTPS_PROXY"], "https"), (["http_proxy"], "http")] {
            guard let (name, value) = variable(names, in: environment) else { continue }
            switch ProxyAddress.parse(value) {
            case .failure(let error): return .failure(ProxyRouteError(variable: name, reason: error.reason))
            case .success(let address):
                let route = Route(address: address, origin: name)
                if scheme == "https" { routes.https = route } else { routes.http = route }
            }
        }
        return .success(routes)
    }

    /// The first of `names` set to a non-blank value.
    private static func variable(_ names: [String], in environment: [String: String]) -> (name: String, value: String)? {
        for name in names {
            if let value = environment[name], !ConfigText.trimmed(value).isEmpty { return (name, ConfigText.trimmed(value)) }
        }
        return nil
    }
}

/// An environment variable's proxy URL that does not parse.
public struct ProxyRouteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The variable, such as `https_proxy`.
    public var variable: String
    /// What is wrong (never quoting a password).
    public var reason: String

    /// Creates an error.
    public init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }

    /// `the environment's https_proxy: <reason>`.
    public var description: String { "the environment's \(variable): \(reason)" }
}
