import PresenceCore

/// A config as the daemon runs it: the validated model plus what the loader resolved around it.
public struct LoadedConfig: Sendable {
    /// The validated config, drop-in agents merged.
    public var config: PresenceConfig
    /// The main config file's path, as given.
    public var path: String
    /// The Brevo API key.
    public var apiKey: APIKey
    /// Where the status file goes: `status_file`, else `$RUNTIME_DIRECTORY/status.json`, else the default.
    public var statusFilePath: String
    /// Problems worth telling the operator that do not stop the daemon (a key file others can read).
    public var warnings: [String]
    /// The drop-in files that were read, in merge order.
    public var dropInFiles: [String]

    /// Creates a loaded config.
    public init(
        config: PresenceConfig, path: String, apiKey: APIKey, statusFilePath: String,
        warnings: [String] = [], dropInFiles: [String] = []
    ) {
        self.config = config
        self.path = path
        self.apiKey = apiKey
        self.statusFilePath = statusFilePath
        self.warnings = warnings
        self.dropInFiles = dropInFiles
    }
}
