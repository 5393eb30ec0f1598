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

    /// Reads, validates and merges the config at `path`, and reads the API key.
    ///
    /// Relative `agents_dir`, `api_key_file` and `status_file` are resolved against the config
    /// file's folder.
    ///
    /// The enabled roster must fit `rate_limit.requests_per_hour` at the longest safe interval
    /// (`BudgetPlan`); a roster that cannot is refused with the arithmetic. A status file path
    /// that would overwrite the config, a drop-in, the key file or any file not ours is refused.
    /// With `readingAPIKey: false` the key file is not read and the returned key is empty:
    /// `agent-presenced reload` runs as `ExecReload=`, which systemd 252 does not give the
    /// unit's credentials (systemd#35227); the daemon reads the key itself on SIGHUP.
    /// - Throws: `ConfigError` with every problem found (main file problems stop before drop-ins).
    public static func load(
        path: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        readingAPIKey: Bool = true
    ) throws(ConfigError) -> LoadedConfig {
        let text = try readText(path, what: "config file")
        let main = try ConfigParser.parse(text, file: path)
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
        if let issue = budgetIssue(config, file: path, text: text) { issues.append(issue) }

        var apiKey: APIKey?
        if !readingAPIKey {
            apiKey = APIKey(secret: "")
        } else if let keyFile = ConfigPaths.apiKeyFilePath(
            configured: main.brevo.apiKeyFile, configFolder: folder, environment: environment
        ) {
            do {
                let loaded = try APIKeyLoader.load(path: keyFile)
                apiKey = loaded.key
                warnings += loaded.warnings
            } catch {
                issues += error.issues
            }
        } else {
            issues.append(APIKeyLoader.missingKeyIssue(configFile: path))
        }

        let statusFilePath = ConfigPaths.statusFilePath(configured: main.statusFile, configFolder: folder, environment: environment)
        let protected = ProtectedFiles(
            config: path, dropIns: dropIns.files.map(\.file),
            keyFile: ConfigPaths.apiKeyFilePath(configured: main.brevo.apiKeyFile, configFolder: folder, environment: environment),
            agentsDir: main.agentsDir.map { ConfigPaths.resolve($0, relativeTo: folder) }
        )
        if let issue = statusFileIssue(statusFilePath, protecting: protected, text: text) { issues.append(issue) }

        guard issues.isEmpty, let apiKey else { throw ConfigError(issues) }
        return LoadedConfig(
            config: config, path: path, apiKey: apiKey, statusFilePath: statusFilePath,
            warnings: warnings, dropInFiles: dropIns.files.map(\.file)
        )
    }

    /// The issue at `rate_limit.requests_per_hour` when the enabled roster cannot fit the budget
    /// even at the longest safe interval, with the arithmetic; `nil` when it fits or no budget is set.
    ///
    /// When a drop-in failed to load, the roster counted is the part that did load: a lower
    /// bound, so a roster that does not fit here cannot fit once the drop-in is fixed either.
    static func budgetIssue(_ config: PresenceConfig, file: String, text: String) -> ConfigIssue? {
        do {
            _ = try BudgetPlan(agents: config.enabledAgentCount, ping: config.ping,
                               budget: config.rateLimit.requestsPerHour)
            return nil
        } catch {
            let keyPath = "rate_limit.requests_per_hour"
            return ConfigIssue(location: ConfigLocation(file: file, line: ConfigParser.line(of: keyPath, in: text)),
                               keyPath: keyPath, message: error.description)
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
