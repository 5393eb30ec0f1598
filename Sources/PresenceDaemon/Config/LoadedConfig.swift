import BrevoAPI
import ClusterLease
import PresenceCore

/// A config as the daemon runs it: the validated model plus what the loader resolved around it.
public struct LoadedConfig: Sendable {
    /// The validated config, drop-in agents merged.
    public var config: PresenceConfig
    /// The main config file's path, as given.
    public var path: String
    /// Each account's Brevo API key, by account name.
    public var apiKeys: [String: APIKey]
    /// Where each account's key was read, by account name (for `check`; never the key).
    public var keySources: [String: APIKeySource]
    /// Each bot's Broker key and OAuth2 client secret, by bot name.
    public var botSecrets: [String: BotSecrets]
    /// Where each bot's secrets were read, by bot name (for `check`; never the secrets).
    public var botKeySources: [String: BotKeySources]
    /// Where the status file goes: `status_file`, else `$RUNTIME_DIRECTORY/status.json`, else the default.
    public var statusFilePath: String
    /// Where run-time overrides are kept: `$STATE_DIRECTORY/overrides.json`, else beside the status file.
    public var overridesFilePath: String
    /// Problems worth telling the operator that do not stop the daemon (a key file others can read).
    public var warnings: [String]
    /// The drop-in files that were read, in merge order.
    public var dropInFiles: [String]
    /// The cluster's database, when the config has a `cluster:` section (and it was read).
    public var postgresURL: PostgresURL?
    /// Where the cluster's URL was read (for `check`; never the URL, which holds a password).
    public var postgresURLSource: APIKeySource?
    /// Each `ca_file`'s certificates, by resolved path.
    public var trustAnchors: [String: TrustAnchors] = [:]
    /// Which proxy serves which URL (`proxy:` or the environment).
    public var proxyRoutes = ProxyRoutes.direct
    /// The proxy's user name and password, when a file or credential gave them.
    public var proxyCredentials: ProxyUserInfo?
    /// Where the proxy's credentials were read (for `check`; never the password).
    public var proxyCredentialsSource: APIKeySource?

    /// Creates a loaded config.
    public init(
        config: PresenceConfig, path: String, apiKeys: [String: APIKey], keySources: [String: APIKeySource] = [:],
        botSecrets: [String: BotSecrets] = [:], botKeySources: [String: BotKeySources] = [:],
        statusFilePath: String, overridesFilePath: String? = nil, warnings: [String] = [], dropInFiles: [String] = []
    ) {
        self.config = config
        self.path = path
        self.apiKeys = apiKeys
        self.keySources = keySources
        self.botSecrets = botSecrets
        self.botKeySources = botKeySources
        self.statusFilePath = statusFilePath
        self.overridesFilePath = overridesFilePath ?? ConfigPaths.resolve("overrides.json", relativeTo: ConfigPaths.folder(of: statusFilePath))
        self.warnings = warnings
        self.dropInFiles = dropInFiles
    }

    /// The first account's key: the key of the one-account form.
    public var apiKey: APIKey {
        apiKeys[config.accounts[0].name] ?? APIKey(secret: "")
    }
}
