import PresenceCore

/// Reads the Brevo API key from its file, checking it without ever quoting it.
public enum APIKeyLoader {
    /// The key path key issues name in the one-account form.
    public static let keyPath = "brevo.api_key_file"

    /// Reads the key at `path`.
    ///
    /// Surrounding whitespace (the editor's trailing newline) is dropped. What is left must be
    /// one run of visible ASCII (0x21–0x7E) without `=`: anything else (a byte order mark, a
    /// control character, a letter outside ASCII, a `NAME=value` line) Brevo would refuse on
    /// every ping, so it is refused here, naming its position and kind but never the key.
    /// A key file that group or others can read is a warning, not an error: systemd credentials
    /// are private anyway, and refusing to start would take every agent offline over a permission bit.
    /// - Returns: The key and any warnings.
    /// - Parameter keyPath: The config key the issues name (`accounts.acme.api_key_file`).
    /// - Throws: `ConfigError` with one issue located at the key file; the message never holds the key.
    public static func load(path: String, keyPath: String = keyPath) throws(ConfigError) -> (key: APIKey, warnings: [String]) {
        let loaded = try SecretFileLoader.load(path: path, keyPath: keyPath, kind: .brevoAPIKey)
        return (APIKey(secret: loaded.secret), loaded.warnings)
    }

    /// The error when an account names no key file and systemd passed no credential for it;
    /// `account` is `nil` in the one-account form.
    static func missingKeyIssue(configFile: String, line: Int?, account: String?, keyPath: String) -> ConfigIssue {
        let credential = ConfigPaths.apiKeyCredentialName(account: account)
        let message = account.map {
            "no API key for account \($0): set \(keyPath), or run under systemd with "
                + "LoadCredential=\(ConfigPaths.apiKeyCredentialName):<folder> holding a file named \($0) "
                + "(systemd passes it as the credential \(credential))"
        } ?? "no API key: set brevo.api_key_file or run under systemd with LoadCredential=\(credential):..."
        return ConfigIssue(location: ConfigLocation(file: configFile, line: line), keyPath: keyPath, message: message)
    }
}
