/// Where a bot's secrets come from, as `check` reports it (never the secrets themselves).
public struct BotKeySources: Hashable, Sendable {
    /// Where the Broker `API-KEY` is read: `api_key_file`, else the credential `broker-api-key_<bot>`.
    public var apiKey: APIKeySource
    /// Where the OAuth2 client secret is read: `auth.client_secret_file`, else the credential
    /// `broker-client-secret_<bot>`; `nil` when the bot has no `auth:`.
    public var clientSecret: APIKeySource?

    /// Creates the sources.
    public init(apiKey: APIKeySource, clientSecret: APIKeySource? = nil) {
        self.apiKey = apiKey
        self.clientSecret = clientSecret
    }
}
