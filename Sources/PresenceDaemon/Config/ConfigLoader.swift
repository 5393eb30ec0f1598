import Foundation
import PresenceCore

/// Loads the daemon's configuration from disk: the main file, the `agents_dir` drop-ins and the API key.
///
/// Thin on purpose: parsing and validation live in `PresenceCore.ConfigParser`; this type only
/// reads files and resolves paths, and reports every problem it finds in one `ConfigError`.
public struct ConfigLoader: Sendable {
    /// The config path to use when `--config` is not given: `AGENT_PRESENCED_CONFIG`, else
    /// `/etc/agent-presenced/config.yaml`.
    public static func defaultConfigPath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        ConfigPaths.configPath(environment: environment)
    }

    /// Reads, validates and merges the config at `path`, and reads the API keys and the bots' secrets.
    ///
    /// Relative `agents_dir`, `api_key_file` and `status_file` are resolved against the config
    /// file's folder.
    ///
    /// The enabled roster must fit `rate_limit.requests_per_hour` at the longest safe interval
    /// (`BudgetPlan`); a roster that cannot is refused with the arithmetic. A status file path
    /// that would overwrite the config, a drop-in, the key file or any file not ours is refused.
    /// With `readingAPIKey: false` no key or secret file is read and the returned ones are empty:
    /// `agent-presenced reload` runs as `ExecReload=`, which systemd 252 does not give the
    /// unit's credentials (systemd#35227); the daemon reads the key itself on SIGHUP.
    /// - Throws: `ConfigError` with every problem found (main file problems stop before drop-ins).
    public static func load(
        path: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        readingAPIKey: Bool = true,
        hostName: String = HostName.current()
    ) throws(ConfigError) -> LoadedConfig {
        let text = try readText(path, what: "config file")
        let main = try ConfigParser.parse(text, file: path, hostName: hostName)
        let folder = ConfigPaths.folder(of: path)
        var issues: [ConfigIssue] = []
        var warnings: [String] = []

        var dropIns = DropInResult()
        if let agentsDir = main.agentsDir {
            dropIns = loadDropIns(
                folder: ConfigPaths.resolve(agentsDir, relativeTo: folder), optional: main.agentsDirOptional,
                configFile: path, line: { ConfigParser.line(of: "agents_dir", in: text) }
            )
            issues += dropIns.issues
            warnings += dropIns.warnings
        }
        var config = main
        do {
            config = try ConfigParser.merge(main: main, dropIns: dropIns.files)
        } catch {
            issues += error.issues
        }
        issues += budgetIssues(config, file: path, text: text)
        warnings += ConfigParser.warnings(for: config)

        let keys = loadKeys(of: main, configFile: path, text: text, environment: environment, reading: readingAPIKey)
        issues += keys.issues
        warnings += keys.warnings
        let botKeys = loadBotKeys(of: main, configFile: path, text: text, environment: environment, reading: readingAPIKey)
        issues += botKeys.issues
        warnings += botKeys.warnings
        let cluster = loadClusterURL(of: main, configFile: path, text: text, environment: environment, reading: readingAPIKey)
        issues += cluster.issues
        warnings += cluster.warnings
        let transport = loadTransport(of: config, configFile: path, text: text, environment: environment, reading: readingAPIKey)
        issues += transport.issues
        warnings += transport.warnings

        let statusFilePath = ConfigPaths.statusFilePath(configured: main.statusFile, configFolder: folder, environment: environment)
        let protected = ProtectedFiles(
            config: path, dropIns: dropIns.files.map(\.file),
            keyFiles: keys.sources.values.compactMap(\.path) + botKeys.paths
                + [cluster.source?.path, transport.proxyCredentialsSource?.path].compactMap { $0 } + Array(transport.anchors.keys),
            agentsDir: main.agentsDir.map { ConfigPaths.resolve($0, relativeTo: folder) }
        )
        if let issue = statusFileIssue(statusFilePath, protecting: protected, text: text) { issues.append(issue) }

        guard issues.isEmpty else { throw ConfigError(issues) }
        var loaded = LoadedConfig(
            config: config, path: path, apiKeys: keys.keys, keySources: keys.sources,
            botSecrets: botKeys.secrets, botKeySources: botKeys.sources, statusFilePath: statusFilePath,
            overridesFilePath: ConfigPaths.overridesFilePath(statusFilePath: statusFilePath, environment: environment),
            warnings: warnings, dropInFiles: dropIns.files.map(\.file)
        )
        loaded.postgresURL = cluster.url
        loaded.postgresURLSource = cluster.source
        loaded.trustAnchors = transport.anchors
        loaded.proxyRoutes = transport.routes
        loaded.proxyCredentials = transport.proxyCredentials
        loaded.proxyCredentialsSource = transport.proxyCredentialsSource
        return loaded
    }

    /// One issue per account whose enabled roster cannot fit its `requests_per_hour` even at
    /// the longest safe interval, with the arithmetic, at the account's budget key.
    ///
    /// When a drop-in failed to load, the roster counted is the part that did load: a lower
    /// bound, so a roster that does not fit here cannot fit once the drop-in is fixed either.
    static func budgetIssues(_ config: PresenceConfig, file: String, text: String) -> [ConfigIssue] {
        let plans = AccountPlans(config, at: Date())
        return plans.entries.compactMap { entry in
            guard case .failure(let error) = entry.plan else { return nil }
            let keyPath = config.namesAccounts ? "accounts.\(entry.account.name).requests_per_hour" : "rate_limit.requests_per_hour"
            let prefix = config.namesAccounts ? "account \(entry.account.name): " : ""
            return ConfigIssue(location: ConfigLocation(file: file, line: ConfigParser.line(of: keyPath, in: text)),
                               keyPath: keyPath, message: prefix + error.description)
        }
    }

    /// The text of a config or drop-in file, or one issue naming the path.
    ///
    /// A leading byte order mark and CRLF line ends are left in: `ConfigParser` accepts both.
    static func readText(
        _ path: String, what: String, sizeLimit: Int = TextFileReader.configSizeLimit
    ) throws(ConfigError) -> String {
        switch TextFileReader.contents(of: path, sizeLimit: sizeLimit) {
        case .success(let file):
            return file.text
        case .failure(let problem):
            throw ConfigError([ConfigIssue(location: ConfigLocation(file: path), keyPath: "",
                                           message: "the \(what) \(problem.message)")])
        }
    }
}
