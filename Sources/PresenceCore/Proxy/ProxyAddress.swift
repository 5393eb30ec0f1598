/// A forward proxy's address, `http://host:port`, and the user name and password its URL
/// carried, if any (only an environment variable may carry them).
///
/// Its descriptions never show the password.
public struct ProxyAddress: Hashable, Sendable, CustomStringConvertible {
    /// The proxy's host name or IP address (an IPv6 address without brackets).
    public var host: String
    /// The proxy's TCP port.
    public var port: Int
    /// The `user:password` of the URL, percent-decoded; `nil` when it had none.
    public var userInfo: ProxyUserInfo?

    /// Creates an address.
    public init(host: String, port: Int, userInfo: ProxyUserInfo? = nil) {
        self.host = host
        self.port = port
        self.userInfo = userInfo
    }

    /// `http://host:port`: what messages name the proxy by.
    public var description: String {
        "http://" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    /// Parses `http://[user:password@]host:port[/]`. A URL without a scheme is read as `http://`,
    /// as curl does; any other scheme, a path, a query or a missing port is refused. The error
    /// never quotes the password.
    public static func parse(_ text: String) -> Result<ProxyAddress, ProxyAddressError> {
        var rest = Substring(text)
        if let schemeEnd = rest.range(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" else {
                return .failure(ProxyAddressError("only http:// proxies are supported (HTTPS goes through them with CONNECT), found \(scheme)://"))
            }
            rest = rest[schemeEnd.upperBound...]
        }
        if rest.hasSuffix("/") { rest.removeLast() }
        var userInfo: ProxyUserInfo?
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let parts = info.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let username = String(parts[0]).percentDecoded(),
                  let password = parts.count > 1 ? String(parts[1]).percentDecoded() : "" else {
                return .failure(ProxyAddressError("the user name or password of the proxy URL is badly percent-encoded"))
            }
            userInfo = ProxyUserInfo(username: username, password: password)
        }
        let shown = "http://" + (userInfo == nil ? "" : "***@") + rest
        guard !rest.contains("/"), !rest.contains("?"), !rest.contains("#") else {
            return .failure(ProxyAddressError("expected http://host:port without a path, found \(ConfigText.quoted(shown))"))
        }
        guard let (host, portText) = splitHostPort(rest), !host.isEmpty, !host.contains(where: \.isWhitespace) else {
            return .failure(ProxyAddressError("expected http://host:port, found \(ConfigText.quoted(shown))"))
        }
        guard let portText, let port = Int(portText), (1...65535).contains(port) else {
            return .failure(ProxyAddressError("expected http://host:port with a port from 1 to 65535, found \(ConfigText.quoted(shown))"))
        }
        return .success(ProxyAddress(host: host, port: port, userInfo: userInfo))
    }

    /// `host` and the text after its port colon (`nil` without one); `[v6]:port` allowed.
    private static func splitHostPort(_ text: Substring) -> (String, Substring?)? {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return nil }
            return (host, after.isEmpty ? nil : after.dropFirst())
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        return (String(parts[0]), parts.count == 2 ? parts[1] : nil)
    }
}

/// A proxy's user name and password for its `Proxy-Authorization: Basic` header.
///
/// Its descriptions show the user name only.
public struct ProxyUserInfo: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The user name.
    public var username: String
    /// The password.
    public var password: String

    /// Creates a user name and password.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The user name, never the password.
    public var description: String { "\(username):***" }
    /// The same as ``description``.
    public var debugDescription: String { description }
    /// The user name only, so `dump` never shows the password.
    public var customMirror: Mirror { Mirror(self, children: ["username": username], displayStyle: .struct) }
}

/// Why a proxy URL was refused, in words that never quote a password.
public struct ProxyAddressError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
