import ClusterLease
import PresenceCore

extension ConfigLoader {
    /// The cluster's database as read, where it came from, and what went wrong.
    struct ClusterURL {
        var url: PostgresURL?
        var source: APIKeySource?
        var issues: [ConfigIssue] = []
        var warnings: [String] = []
    }

    /// Reads the `postgres://` URL of `config`'s cluster: from `cluster.postgres_url_file`, else
    /// the systemd credential `postgres-url`. Nothing outside a cluster; with `reading: false`
    /// only the source is resolved. The URL holds a password: no issue ever quotes it.
    static func loadClusterURL(
        of config: PresenceConfig, configFile: String, text: String, environment: [String: String], reading: Bool
    ) -> ClusterURL {
        guard let cluster = config.cluster else { return ClusterURL() }
        let keyPath = "cluster.postgres_url_file"
        let source = ConfigPaths.secretSource(
            configured: cluster.postgresURLFile, credentialName: ConfigPaths.postgresURLCredentialName,
            configFolder: ConfigPaths.folder(of: configFile), environment: environment
        )
        var result = ClusterURL(source: source)
        guard reading else { return result }
        guard let path = source.path else {
            let message = "no PostgreSQL URL for the cluster: set \(keyPath), or run under systemd with "
                + "LoadCredential=\(ConfigPaths.postgresURLCredentialName):<file> (CREDENTIALS_DIRECTORY is not set)"
            result.issues.append(ConfigIssue(location: ConfigLocation(file: configFile, line: ConfigParser.line(of: "cluster", in: text)),
                                             keyPath: keyPath, message: message))
            return result
        }
        func issue(_ message: String) -> ConfigIssue {
            ConfigIssue(location: ConfigLocation(file: path), keyPath: keyPath, message: message)
        }
        switch TextFileReader.contents(of: path, sizeLimit: TextFileReader.keySizeLimit) {
        case .failure(let problem):
            result.issues.append(issue("the PostgreSQL URL file \(problem.message)"))
        case .success(let file):
            guard let line = file.onlyLine else {
                let empty = file.text.allSatisfy(\.isWhitespace)
                result.issues.append(issue(empty ? "the PostgreSQL URL file is empty"
                    : "the PostgreSQL URL file holds more than one line; it must hold the postgres:// URL alone"))
                return result
            }
            do {
                result.url = try PostgresURL(parsing: line)
            } catch {
                result.issues.append(issue("the PostgreSQL URL file holds an \(error)"))
            }
            if let warning = file.passwordFileWarning("PostgreSQL URL file", path: path) { result.warnings.append(warning) }
        }
        return result
    }
}
