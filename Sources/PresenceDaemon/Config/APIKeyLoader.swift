import PresenceCore

/// Reads the Brevo API key from its file, checking it without ever quoting it.
public enum APIKeyLoader {
    /// The key path every key issue names.
    public static let keyPath = "brevo.api_key_file"

    /// Reads the key at `path`.
    ///
    /// Surrounding whitespace (the editor's trailing newline) is dropped. A key file that group or
    /// others can read is a warning, not an error: systemd credentials are private anyway, and
    /// refusing to start would take every agent offline over a permission bit.
    /// - Returns: The key and any warnings.
    /// - Throws: `ConfigError` with one issue located at the key file; the message never holds the key.
    public static func load(path: String) throws(ConfigError) -> (key: APIKey, warnings: [String]) {
        let file: TextFile
        switch TextFileReader.contents(of: path, sizeLimit: TextFileReader.keySizeLimit) {
        case .success(let read): file = read
        case .failure(let problem): throw failure(path, "the API key file \(problem.message)")
        }
        let key = trimmed(file.text)
        if key.isEmpty { throw failure(path, "the API key file is empty") }
        if key.contains(where: \.isNewline) {
            throw failure(path, "the API key file holds more than one line; it must hold the key alone")
        }
        if key.contains(where: \.isWhitespace) {
            throw failure(path, "the API key in this file contains a space; it must hold the key alone")
        }
        var warnings: [String] = []
        if file.permissions & 0o077 != 0 {
            let mode = String(file.permissions, radix: 8)
            warnings.append("the API key file \(path) can be read by group or others (mode 0\(mode)); "
                + "run chmod 600 on it or use a systemd credential")
        }
        return (APIKey(secret: key), warnings)
    }

    /// The error when no key file is configured and systemd passed no credential.
    static func missingKeyIssue(configFile: String) -> ConfigIssue {
        ConfigIssue(location: ConfigLocation(file: configFile), keyPath: keyPath,
                    message: "no API key: set brevo.api_key_file or run under systemd with "
                        + "LoadCredential=\(ConfigPaths.apiKeyCredentialName):...")
    }

    private static func failure(_ path: String, _ message: String) -> ConfigError {
        ConfigError([ConfigIssue(location: ConfigLocation(file: path), keyPath: keyPath, message: message)])
    }

    private static func trimmed(_ text: String) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
              let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }
}
