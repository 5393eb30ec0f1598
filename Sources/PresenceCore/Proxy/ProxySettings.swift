/// `proxy:`: the forward proxy HTTPS (and HTTP) requests go through, over the environment's
/// `https_proxy`, `http_proxy` and `no_proxy`.
///
/// The proxy's user name and password are not here: the daemon reads them from
/// ``credentialsFile`` (or the systemd credential `proxy-credentials`), never the core.
public struct ProxySettings: Hashable, Sendable {
    /// The proxy for every request; `nil` leaves the choice to the environment.
    public var url: ProxyAddress?
    /// `url: none`: no proxy, whatever the environment says.
    public var direct: Bool
    /// A file holding `user:password` for the proxy's Basic authentication.
    public var credentialsFile: String?
    /// Hosts reached directly; `nil` leaves it to the environment's `no_proxy`.
    public var noProxy: NoProxyList?
    /// Where `proxy:` was declared, for messages about it.
    public var source: ConfigLocation?

    /// Creates proxy settings.
    public init(url: ProxyAddress? = nil, direct: Bool = false, credentialsFile: String? = nil,
                noProxy: NoProxyList? = nil, source: ConfigLocation? = nil) {
        self.url = url
        self.direct = direct
        self.credentialsFile = credentialsFile
        self.noProxy = noProxy
        self.source = source
    }
}
