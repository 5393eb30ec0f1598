/// How a connection uses TLS, as libpq's `sslmode` names it.
public enum PostgresSSLMode: String, Hashable, Sendable, CaseIterable {
    /// Plain TCP only.
    case disable
    /// TLS when the server offers it, else plain TCP; the certificate is not checked.
    case prefer
    /// TLS or no connection; the certificate is not checked.
    case require
    /// TLS with a certificate signed by a trusted root (`sslrootcert`, else the system's);
    /// the host name is not checked.
    case verifyCA = "verify-ca"
    /// TLS with a trusted certificate that names the host.
    case verifyFull = "verify-full"
}
