/// One bot as configured under `bots:`: where its Broker API is, which conversation channel a
/// probe opens, and how often and how strictly it is probed.
///
/// The Broker key and the OAuth2 client secret are not here: like the Brevo key they are read
/// by the daemon from their files and handed to the Broker client, never to the core.
public struct BotSettings: Hashable, Sendable {
    /// The bot's name in the config (`[a-z0-9][a-z0-9_-]{0,31}`), as agents refer to it.
    public var name: String
    /// The Broker API's base, e.g. `https://broker.example.com/eva-broker`.
    public var baseURL: String
    /// The organisation's UUID (lower-case).
    public var org: String
    /// The environment's UUID (lower-case).
    public var env: String
    /// The bot's UUID (lower-case).
    public var bot: String
    /// The channel's UUID (lower-case).
    public var channel: String
    /// Where the Broker `API-KEY` is read; `nil` for the systemd credential.
    public var apiKeyFile: String?
    /// A PEM bundle of CA certificates trusted beside the system's, for its Broker and token endpoint.
    public var caFile: String?
    /// The `LOCALE` header, e.g. `en-US`.
    public var locale: String
    /// The `OS` header.
    public var os: String
    /// The `USER-REF` header.
    public var userRef: String
    /// OAuth2 client credentials, when the Broker also wants a bearer token.
    public var auth: BotAuthSettings?
    /// What a probe says and expects, and its cadence.
    public var probe: ProbeSettings
    /// Where the bot was declared, for messages about it.
    public var source: ConfigLocation?

    /// Creates a bot's settings.
    public init(
        name: String, baseURL: String, org: String, env: String, bot: String, channel: String,
        apiKeyFile: String? = nil, locale: String, os: String = "Linux", userRef: String = "agent-presenced",
        auth: BotAuthSettings? = nil, probe: ProbeSettings = ProbeSettings(), source: ConfigLocation? = nil
    ) {
        self.name = name
        self.baseURL = baseURL
        self.org = org
        self.env = env
        self.bot = bot
        self.channel = channel
        self.apiKeyFile = apiKeyFile
        self.locale = locale
        self.os = os
        self.userRef = userRef
        self.auth = auth
        self.probe = probe
        self.source = source
    }

    /// Whether `other` probes the same conversation the same way, whatever its cadence: when
    /// it does not, what was learned about the bot no longer holds.
    public func probesSameTarget(as other: BotSettings) -> Bool {
        var mine = self, theirs = other
        mine.probe.cadence = .init()
        theirs.probe.cadence = .init()
        mine.source = nil
        theirs.source = nil
        return mine == theirs
    }
}
