/// A bot's secrets for the Broker client: printing, interpolating or dumping them shows
/// `<redacted>`.
///
/// The raw values are only reachable through the properties, so a secret cannot end up in a log
/// line, the status file or an error message by accident.
public struct BotSecrets: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The Broker `API-KEY`, for that request header and nothing else.
    public let apiKey: String
    /// The OAuth2 client secret, for the token request; `nil` when the bot has no `auth:`.
    public let clientSecret: String?

    /// Wraps a bot's secrets.
    public init(apiKey: String, clientSecret: String? = nil) {
        self.apiKey = apiKey
        self.clientSecret = clientSecret
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }

    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }

    /// No children, so `dump` and `Mirror` show nothing of the secrets either.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
