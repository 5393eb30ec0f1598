import BrevoAPI

/// One bot's secrets, as the daemon reads them from their files: the Broker `API-KEY` and, for
/// a Broker behind OAuth2, the client secret.
///
/// Its descriptions (`print`, string interpolation, `dump`) leave both out.
public struct BrokerSecrets: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The Broker key; sent only in the `API-KEY` header.
    public var apiKey: String
    /// The OAuth2 client secret; sent only in the token request's form body.
    public var clientSecret: String?
    /// How the bot's requests travel: its extra CA certificates and the proxy (no secret but
    /// the proxy's password, which its descriptions leave out).
    public var transport: HTTPTransportPolicy

    /// Creates a bot's secrets.
    public init(apiKey: String, clientSecret: String? = nil, transport: HTTPTransportPolicy = .direct) {
        self.apiKey = apiKey
        self.clientSecret = clientSecret
        self.transport = transport
    }

    /// Neither secret, only whether the client secret is there.
    public var description: String {
        "BrokerSecrets(apiKey: [redacted], clientSecret: \(clientSecret == nil ? "nil" : "[redacted]"))"
    }

    /// The same as ``description``: the secrets stay out.
    public var debugDescription: String { description }

    /// No children, so `dump` and reflection never show a secret.
    public var customMirror: Mirror {
        Mirror(self, children: [:], displayStyle: .struct)
    }

    /// Every secret, to redact from whatever the Broker or the token endpoint echoes.
    var redactable: [String] {
        [apiKey] + (clientSecret.map { [$0] } ?? [])
    }
}
