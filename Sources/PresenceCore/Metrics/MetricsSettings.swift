/// The `metrics:` section: where the Prometheus metrics are served and written. Both off by
/// default.
public struct MetricsSettings: Hashable, Sendable {
    /// Where `GET /metrics` is answered; `nil` for no listener.
    public var listen: ListenAddress?
    /// A file rewritten atomically for node_exporter's textfile collector; `nil` for none.
    public var textfile: String?

    /// Creates the settings.
    public init(listen: ListenAddress? = nil, textfile: String? = nil) {
        self.listen = listen
        self.textfile = textfile
    }

    /// Whether anything is to be served or written.
    public var isEnabled: Bool { listen != nil || textfile != nil }
}

/// A TCP address to listen on: an IPv4 or IPv6 literal (or `localhost`) and a port.
public struct ListenAddress: Hashable, Sendable, CustomStringConvertible {
    /// The host as written, without IPv6 brackets.
    public var host: String
    /// The port, 1…65535.
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `127.0.0.1:9464` or `[::1]:9464`.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Whether only this machine can connect: `localhost`, 127.0.0.0/8 or `::1`.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Parses `host:port` (`[v6]:port` for IPv6); `nil` with the reason when it does not parse.
    public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressError> {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                return .failure(ListenAddressError(reason: "an IPv6 address goes in brackets: [::1]:9464"))
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else {
                return .failure(ListenAddressError(reason: "expected HOST:PORT, such as 127.0.0.1:9464"))
            }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty else { return .failure(ListenAddressError(reason: "the host is empty; use 127.0.0.1 or 0.0.0.0")) }
        guard let port = Int(portText), (1...65535).contains(port) else {
            return .failure(ListenAddressError(reason: "the port must be a number from 1 to 65535"))
        }
        return .success(ListenAddress(host: String(host), port: port))
    }
}

/// Why a `host:port` did not parse.
public struct ListenAddressError: Error, Hashable, Sendable {
    /// The reason, for the config error.
    public var reason: String
}
