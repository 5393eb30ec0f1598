import Foundation

/// Where the daemon looks for its files, and how relative paths in the config are resolved.
public enum ConfigPaths {
    /// The config file used when neither `--config` nor `AGENT_PRESENCED_CONFIG` says otherwise.
    public static let defaultConfigPath = "/etc/agent-presenced/config.yaml"
    /// The environment variable that overrides the default config path.
    public static let configPathVariable = "AGENT_PRESENCED_CONFIG"
    /// The status file used when neither `status_file` nor `RUNTIME_DIRECTORY` is set.
    public static let defaultStatusFilePath = "/run/agent-presenced/status.json"
    /// The credential name systemd's `LoadCredential=brevo-api-key:...` provides.
    public static let apiKeyCredentialName = "brevo-api-key"
    /// The credential name of the folder of bots' Broker keys (`LoadCredential=broker-api-key:...`).
    public static let brokerAPIKeyCredentialName = "broker-api-key"
    /// The credential name of the folder of bots' OAuth2 client secrets
    /// (`LoadCredential=broker-client-secret:...`).
    public static let brokerClientSecretCredentialName = "broker-client-secret"
    /// The credential name of the cluster's `postgres://` URL (`LoadCredential=postgres-url:...`).
    public static let postgresURLCredentialName = "postgres-url"
    /// The systemd credential holding the proxy's `user:password`, when `proxy.credentials_file` is not set.
    public static let proxyCredentialsCredentialName = "proxy-credentials"

    /// `AGENT_PRESENCED_CONFIG` when set and not empty, else the default.
    public static func configPath(environment: [String: String]) -> String {
        nonEmpty(environment[configPathVariable]) ?? defaultConfigPath
    }

    /// The absolute folder holding `file`, against which relative config paths are resolved.
    public static func folder(of file: String) -> String {
        let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        guard let slash = absolute.lastIndex(of: "/") else { return "/" }
        let folder = String(absolute[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// `path` itself when absolute, else `path` inside `folder`.
    public static func resolve(_ path: String, relativeTo folder: String) -> String {
        if path.hasPrefix("/") { return path }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// The status file: `status_file` (resolved), else `$RUNTIME_DIRECTORY/status.json`, else the default.
    ///
    /// systemd may list several runtime folders separated by colons; the first is ours.
    public static func statusFilePath(configured: String?, configFolder: String, environment: [String: String]) -> String {
        if let configured { return resolve(configured, relativeTo: configFolder) }
        if let runtime = environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first.map(String.init),
           !runtime.isEmpty {
            return resolve("status.json", relativeTo: runtime)
        }
        return defaultStatusFilePath
    }

    /// The control API's socket: `$RUNTIME_DIRECTORY/control.sock` (the unit's runtime folder),
    /// else beside the status file, where the command line looks for it too.
    public static func controlSocketPath(statusFilePath: String, environment: [String: String]) -> String {
        if let runtime = environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first.map(String.init), !runtime.isEmpty {
            return resolve("control.sock", relativeTo: runtime)
        }
        return resolve("control.sock", relativeTo: folder(of: statusFilePath))
    }

    /// Where run-time overrides are kept: `$STATE_DIRECTORY/overrides.json` (systemd's
    /// `StateDirectory=`, which outlives reboots), else beside the status file.
    public static func overridesFilePath(statusFilePath: String, environment: [String: String]) -> String {
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init), !state.isEmpty {
            return resolve("overrides.json", relativeTo: state)
        }
        return resolve("overrides.json", relativeTo: folder(of: statusFilePath))
    }

    /// The credential that holds an account's key when it names no `api_key_file`:
    /// `brevo-api-key` in the one-account form, `brevo-api-key_<account>` in the `accounts:`
    /// form, which is what systemd names the files of a folder loaded by one
    /// `LoadCredential=brevo-api-key:/etc/agent-presenced/brevo-api-key` line.
    public static func apiKeyCredentialName(account: String?) -> String {
        guard let account else { return apiKeyCredentialName }
        return apiKeyCredentialName + "_" + account
    }

    /// Where an account's key is read: `api_key_file` (resolved), else the account's systemd
    /// credential under `$CREDENTIALS_DIRECTORY`; `account` is `nil` in the one-account form.
    public static func apiKeySource(
        configured: String?, account: String?, configFolder: String, environment: [String: String]
    ) -> APIKeySource {
        secretSource(configured: configured, credentialName: apiKeyCredentialName(account: account),
                     configFolder: configFolder, environment: environment)
    }

    /// The credential that holds a bot's secret when it names no file: `<base>_<bot>`, such as
    /// `broker-api-key_helpbot`, what systemd names the file `helpbot` of a folder loaded by one
    /// `LoadCredential=broker-api-key:/etc/agent-presenced/broker-api-key` line. There is no
    /// unsuffixed form, not even for a single bot: a bot always has a name.
    public static func botCredentialName(_ base: String, bot: String) -> String {
        base + "_" + bot
    }

    /// Where a secret is read: `configured` (resolved), else the systemd credential
    /// `credentialName` under `$CREDENTIALS_DIRECTORY`.
    public static func secretSource(
        configured: String?, credentialName name: String, configFolder: String, environment: [String: String]
    ) -> APIKeySource {
        if let configured { return .file(resolve(configured, relativeTo: configFolder)) }
        guard let credentials = nonEmpty(environment["CREDENTIALS_DIRECTORY"]) else { return .missing(credentialName: name) }
        return .credential(name: name, path: resolve(name, relativeTo: credentials))
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
