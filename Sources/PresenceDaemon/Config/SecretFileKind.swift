/// What a secret file holds, for the words of its issues and the one rule that differs.
struct SecretFileKind: Sendable {
    /// The secret's name in messages: `API key`, `Broker API key`, `client secret`.
    let noun: String
    /// The short word a message ends on: `key` or `secret`.
    let short: String
    /// Whether `=` may end the secret (base64 padding); an `=` followed by anything else is still
    /// refused as a `NAME=value` line. Brevo keys never hold one.
    let allowsPadding: Bool

    /// The Brevo API key.
    static let brevoAPIKey = SecretFileKind(noun: "API key", short: "key", allowsPadding: false)
    /// A bot's Broker `API-KEY`.
    static let brokerAPIKey = SecretFileKind(noun: "Broker API key", short: "key", allowsPadding: true)
    /// A bot's OAuth2 client secret.
    static let clientSecret = SecretFileKind(noun: "client secret", short: "secret", allowsPadding: true)
}
