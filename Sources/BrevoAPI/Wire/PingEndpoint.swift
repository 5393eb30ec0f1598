import AsyncHTTPClient
import Foundation
import NIOCore

/// Where one account's pings go: the scheme, host and port of its ping URL, its request target,
/// and the transport (trust and proxy) they travel through. Pings with equal endpoints share
/// one ``PingConnectionPool``.
struct PingEndpoint: Hashable, Sendable {
    /// Whether the connection speaks TLS (an `https` URL).
    let usesTLS: Bool
    /// The host as the URL names it, an IPv6 literal without its brackets.
    let host: String
    /// The port, the scheme's default when the URL names none.
    let port: Int
    /// The path and query of the ping URL (origin-form), e.g. `/v3/conversations/agentOnlinePing`.
    let path: String
    /// The trust anchors and proxy of the account.
    let transport: HTTPTransport

    /// The endpoint of `url`, read the way AsyncHTTPClient reads it, so that a malformed URL
    /// fails with the same `HTTPClientError` as before (`invalidURL`, `emptyHost`, ...).
    init(url: String, transport: HTTPTransport) throws {
        let request = try HTTPClient.Request(url: url, method: .POST)
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw HTTPClientError.unsupportedScheme(request.url.scheme ?? "")
        }
        guard let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false) else {
            throw HTTPClientError.invalidURL
        }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        usesTLS = scheme == "https"
        var host = request.host
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host
        port = request.port
        self.path = path
        self.transport = transport
    }

    /// The host's address when it is an IP literal (connected to directly, and never sent as
    /// the TLS server name); `nil` for a name to resolve.
    var ipAddress: SocketAddress? {
        try? SocketAddress(ipAddress: host, port: port)
    }

    /// `host` with brackets around an IPv6 literal, as it appears in a URL or `Host` header.
    var bracketedHost: String {
        host.contains(":") ? "[\(host)]" : host
    }

    /// The `Host` header's value: the host, and the port unless it is the scheme's default.
    var hostHeader: String {
        port == (usesTLS ? 443 : 80) ? bracketedHost : "\(bracketedHost):\(port)"
    }

    /// `host:port`, the target of a proxy's `CONNECT`.
    var authority: String {
        "\(bracketedHost):\(port)"
    }

    /// Whether requests go to a proxy in absolute-form (plain HTTP through a proxy) rather
    /// than through a `CONNECT` tunnel or directly.
    var usesAbsoluteForm: Bool {
        transport.proxy != nil && !usesTLS
    }
}
