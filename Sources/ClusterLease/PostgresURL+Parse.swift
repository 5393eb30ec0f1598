import PresenceCore

extension PostgresURL {
    /// Parses a `postgres://` or `postgresql://` URL.
    ///
    /// - Throws: ``PostgresURLError`` naming the part at fault (never the password).
    public init(parsing text: String) throws(PostgresURLError) {
        guard let rest = Self.droppingScheme(text) else {
            throw PostgresURLError("it must start with postgres:// or postgresql://")
        }
        guard !rest.contains("#") else { throw PostgresURLError("a fragment (#) is not allowed") }
        let (location, queryText) = Self.split(rest, at: "?")
        let (authority, path) = Self.split(location, at: "/")
        guard let at = authority.lastIndex(of: "@") else {
            throw PostgresURLError("it names no user (postgres://USER:PASSWORD@HOST/DATABASE)")
        }
        let (userText, passwordText) = Self.split(String(authority[..<at]), at: ":")
        guard let user = userText.percentDecoded(), !user.isEmpty else {
            throw PostgresURLError("the user name is empty or badly percent-encoded")
        }
        var password: String?
        if let passwordText {
            guard let decoded = passwordText.percentDecoded() else {
                throw PostgresURLError("the password is badly percent-encoded")
            }
            password = decoded
        }
        let (host, port) = try Self.hostAndPort(String(authority[authority.index(after: at)...]))
        var database = user
        if let path, !path.isEmpty {
            guard let decoded = path.percentDecoded(), !decoded.contains("/") else {
                throw PostgresURLError("the database name is badly percent-encoded or has a slash")
            }
            database = decoded
        }
        self.init(user: user, password: password, host: host, port: port, database: database)
        if let queryText { try applyQuery(queryText) }
    }

    private static func droppingScheme(_ text: String) -> Substring? {
        for scheme in ["postgres://", "postgresql://"] where text.lowercased().hasPrefix(scheme) {
            return text.dropFirst(scheme.count)
        }
        return nil
    }

    /// Splits at the first `separator`: the part before it, and the part after it if present.
    private static func split(_ text: some StringProtocol, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (String(text), nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    private static func hostAndPort(_ text: String) throws(PostgresURLError) -> (String, Int) {
        var host: String
        var portText: String?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw PostgresURLError("an IPv6 host has no closing bracket")
            }
            host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw PostgresURLError("unexpected text after the IPv6 host") }
                portText = String(after.dropFirst())
            }
        } else {
            (host, portText) = split(text, at: ":")
            guard let decoded = host.percentDecoded() else { throw PostgresURLError("the host is badly percent-encoded") }
            host = decoded
        }
        guard !host.isEmpty else { throw PostgresURLError("it names no host") }
        guard !host.contains(where: { $0 == "," || $0 == "/" || $0 == "@" || $0.isWhitespace }) else {
            throw PostgresURLError("the host name is not valid (one host only)")
        }
        guard let portText else { return (host, defaultPort) }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw PostgresURLError("the port is not a number from 1 to 65535")
        }
        return (host, port)
    }

    private mutating func applyQuery(_ text: String) throws(PostgresURLError) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let (rawKey, rawValue) = Self.split(pair, at: "=")
            guard let key = rawKey.percentDecoded(), let value = (rawValue ?? "").percentDecoded() else {
                throw PostgresURLError("a query parameter is badly percent-encoded")
            }
            switch key {
            case "sslmode":
                guard let mode = PostgresSSLMode(rawValue: value) else {
                    let modes = PostgresSSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw PostgresURLError("sslmode must be one of \(modes)")
                }
                sslMode = mode
            case "sslrootcert":
                guard !value.isEmpty else { throw PostgresURLError("sslrootcert is empty") }
                sslRootCertificatePath = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0, seconds <= 3600 else {
                    throw PostgresURLError("connect_timeout must be a whole number of seconds from 1 to 3600")
                }
                connectTimeout = .seconds(seconds)
            default:
                throw PostgresURLError("unknown query parameter '\(key)' (known: sslmode, sslrootcert, connect_timeout)")
            }
        }
    }
}
