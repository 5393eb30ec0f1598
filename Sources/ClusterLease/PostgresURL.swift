/// Where the lease database is and how to log in: a parsed `postgres://` or `postgresql://` URL.
///
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE&sslrootcert=PATH&connect_timeout=S`;
/// the user and password are percent-decoded, an IPv6 host is written in brackets, the port
/// defaults to 5432, the database to the user's name, `sslmode` to `prefer` (as libpq's) and
/// `connect_timeout` to 10 seconds. ``description`` and ``debugDescription`` show the password
/// as `***`; nothing else prints it.
public struct PostgresURL: Hashable, Sendable {
    /// The role to log in as.
    public var user: String
    /// The role's password, if any (never printed).
    public var password: String?
    /// The host name or IP address (an IPv6 address without its brackets).
    public var host: String
    /// The TCP port.
    public var port: Int
    /// The database to connect to.
    public var database: String
    /// How the connection uses TLS.
    public var sslMode: PostgresSSLMode
    /// A PEM file of the roots that sign the server's certificate (`sslrootcert`), if given.
    public var sslRootCertificatePath: String?
    /// How long establishing a connection may take (`connect_timeout`, whole seconds).
    public var connectTimeout: Duration

    /// The port used when the URL names none.
    public static let defaultPort = 5432
    /// The connect timeout used when the URL gives none.
    public static let defaultConnectTimeout = Duration.seconds(10)

    /// Creates a URL from its parts.
    public init(
        user: String,
        password: String? = nil,
        host: String,
        port: Int = PostgresURL.defaultPort,
        database: String? = nil,
        sslMode: PostgresSSLMode = .prefer,
        sslRootCertificatePath: String? = nil,
        connectTimeout: Duration = PostgresURL.defaultConnectTimeout
    ) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database ?? user
        self.sslMode = sslMode
        self.sslRootCertificatePath = sslRootCertificatePath
        self.connectTimeout = connectTimeout
    }
}

extension PostgresURL: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The URL with the password shown as `***`.
    public var description: String {
        let credentials = password == nil ? user : "\(user):***"
        let hostText = host.contains(":") ? "[\(host)]" : host
        var text = "postgres://\(credentials)@\(hostText):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
        if let sslRootCertificatePath { text += "&sslrootcert=\(sslRootCertificatePath)" }
        return text
    }

    /// The same as ``description``: the password shown as `***`.
    public var debugDescription: String { description }

    /// A mirror without the password, so `dump` cannot print it either.
    public var customMirror: Mirror {
        Mirror(self, children: ["url": description], displayStyle: .struct)
    }
}
