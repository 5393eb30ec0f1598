/// Recognises secrets put where they do not belong: in the config file.
enum SecretKeyPolicy {
    /// What an operator is told instead of "unknown key" when a key or value looks like a secret.
    static let message = "the API key never goes in the config file; put it in api_key_file or a systemd credential"

    /// Whether an unknown key's name suggests it holds a secret (`api_key`, `token`, `password`...).
    static func looksSecret(key: String) -> Bool {
        let normalized = key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
        if ["key", "apikey", "secret", "password", "passwd", "token", "bearer", "credential", "credentials"]
            .contains(normalized) { return true }
        return ["apikey", "secret", "password", "token"].contains { normalized.contains($0) }
    }

    /// Whether a value looks like a Brevo API key (they start with `xkeysib-`).
    static func looksSecret(value: String) -> Bool {
        ConfigText.hasPrefixIgnoringCase(ConfigText.trimmed(value), "xkeysib-")
    }
}
