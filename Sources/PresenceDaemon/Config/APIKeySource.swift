/// Where an account's API key, or a bot's secret, comes from, as `check` reports it (never the
/// secret itself).
public enum APIKeySource: Hashable, Sendable, CustomStringConvertible {
    /// The account's `api_key_file`, resolved.
    case file(String)
    /// A systemd credential, by name, read from its path under `$CREDENTIALS_DIRECTORY`.
    case credential(name: String, path: String)
    /// No file configured and no credential passed.
    case missing(credentialName: String)

    /// The path read, when there is one.
    public var path: String? {
        switch self {
        case .file(let path), .credential(_, let path): path
        case .missing: nil
        }
    }

    /// `file /etc/…`, `systemd credential brevo-api-key_acme`, or what is missing.
    public var description: String {
        switch self {
        case .file(let path): "file \(path)"
        case .credential(let name, _): "systemd credential \(name)"
        case .missing(let name): "missing (no api_key_file, no credential \(name))"
        }
    }
}
