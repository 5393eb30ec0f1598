import NIOCore
import PostgresNIO

extension PostgresURL {
    /// PostgresNIO's configuration for this URL: TLS as `sslMode` says, `connectTimeout` for the
    /// TCP connect.
    ///
    /// - Throws: when the TLS context cannot be built (e.g. an unreadable `sslrootcert`).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: try tls()
        )
        configuration.options.connectTimeout = .nanoseconds(max(connectTimeout.nanoseconds, 1_000_000))
        return configuration
    }

    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable:
            return .disable
        case .prefer, .require:
            tls.certificateVerification = .none
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        if let sslRootCertificatePath {
            tls.trustRoots = .file(sslRootCertificatePath)
        }
        let context = try NIOSSLContext(configuration: tls)
        return sslMode == .prefer ? .prefer(context) : .require(context)
    }
}
