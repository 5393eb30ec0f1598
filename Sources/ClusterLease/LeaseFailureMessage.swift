import PostgresNIO

/// One line for a failed lease call: what was being done and what PostgreSQL (or the network)
/// said, never the password.
enum LeaseFailureMessage {
    /// The message for `error` while `doing` (e.g. `acquire`), with `password` (if any) masked
    /// wherever it might appear.
    static func make(_ error: any Error, doing: String, password: String?) -> String {
        let text = "PostgreSQL \(doing) failed: \(reason(error))"
        guard let password, !password.isEmpty else { return text }
        return text.masking(password)
    }

    /// The server's message and SQLSTATE, or the kind of client-side failure.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if error.code == .server, let info = error.serverInfo {
            var text = info[.message] ?? "error"
            if let state = info[.sqlState] { text += " (SQLSTATE \(state))" }
            if let detail = info[.detail] { text += "; \(detail)" }
            return text
        }
        switch error.code {
        case .connectionError:
            return "cannot connect: \(error.underlying.map { String(describing: $0) } ?? "connection error")"
        case .serverClosedConnection:
            return "the server closed the connection"
        case .clientClosedConnection:
            return "the connection was closed"
        case .sslUnsupported:
            return "the server does not support TLS (sslmode requires it)"
        case .authMechanismRequiresPassword:
            return "the server asks for a password and the URL has none"
        default:
            let underlying = error.underlying.map { ": \(String(describing: $0))" } ?? ""
            return "\(error.code)\(underlying)"
        }
    }
}

extension String {
    /// The string with every `target` replaced by `replacement`.
    fileprivate func masking(_ target: String, with replacement: String = "***") -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
