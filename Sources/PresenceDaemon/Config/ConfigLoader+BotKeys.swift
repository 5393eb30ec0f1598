import Foundation
import PresenceCore

extension ConfigLoader {
    /// Every bot's secrets, where each came from, and what went wrong.
    struct BotKeys {
        var secrets: [String: BotSecrets] = [:]
        var sources: [String: BotKeySources] = [:]
        var issues: [ConfigIssue] = []
        var warnings: [String] = []

        /// Every file read (or to be read), for the status file's guard.
        var paths: [String] {
            sources.values.flatMap { [$0.apiKey.path, $0.clientSecret?.path].compactMap { $0 } }
        }
    }

    /// Reads the secrets of each bot of `config`, in file order: its Broker key from
    /// `api_key_file`, else the systemd credential `broker-api-key_<bot>`; with `auth:`, its
    /// client secret from `auth.client_secret_file`, else the credential
    /// `broker-client-secret_<bot>`. A missing or unusable secret is an issue naming the bot's
    /// key path; with `reading: false` only the sources are resolved and the secrets are empty.
    static func loadBotKeys(
        of config: PresenceConfig, configFile: String, text: String, environment: [String: String], reading: Bool
    ) -> BotKeys {
        var result = BotKeys()
        let folder = ConfigPaths.folder(of: configFile)
        let bots = config.bots.values.sorted { ($0.source?.line ?? .max, $0.name) < ($1.source?.line ?? .max, $1.name) }
        for bot in bots {
            let path = "bots." + bot.name
            let keySecret = BotSecret(
                bot: bot.name, configured: bot.apiKeyFile, keyPath: path + ".api_key_file", kind: .brokerAPIKey,
                credential: ConfigPaths.brokerAPIKeyCredentialName, place: path
            )
            let clientSecret = bot.auth.map { auth in
                BotSecret(bot: bot.name, configured: auth.clientSecretFile, keyPath: path + ".auth.client_secret_file",
                          kind: .clientSecret, credential: ConfigPaths.brokerClientSecretCredentialName, place: path + ".auth")
            }
            let keySource = keySecret.source(configFolder: folder, environment: environment)
            let secretSource = clientSecret?.source(configFolder: folder, environment: environment)
            result.sources[bot.name] = BotKeySources(apiKey: keySource, clientSecret: secretSource)
            guard reading else {
                result.secrets[bot.name] = BotSecrets(apiKey: "", clientSecret: clientSecret.map { _ in "" })
                continue
            }
            let key = keySecret.read(from: keySource, configFile: configFile, text: text, into: &result)
            var secret: String?
            if let clientSecret, let secretSource {
                secret = clientSecret.read(from: secretSource, configFile: configFile, text: text, into: &result)
                if secret == nil { continue }
            }
            if let key { result.secrets[bot.name] = BotSecrets(apiKey: key, clientSecret: secret) }
        }
        return result
    }
}

/// One secret of one bot: where the config may name its file, and the credential read instead.
private struct BotSecret {
    /// The bot's name.
    let bot: String
    /// The file the config names, as written.
    let configured: String?
    /// The config key that names the file (`bots.helpbot.api_key_file`).
    let keyPath: String
    /// What the secret is, for messages.
    let kind: SecretFileKind
    /// The credential whose folder holds one file per bot (`broker-api-key`).
    let credential: String
    /// The key path whose line a missing secret is reported at (`bots.helpbot`).
    let place: String

    /// Where the secret is read.
    func source(configFolder: String, environment: [String: String]) -> APIKeySource {
        ConfigPaths.secretSource(configured: configured, credentialName: ConfigPaths.botCredentialName(credential, bot: bot),
                                 configFolder: configFolder, environment: environment)
    }

    /// The secret read from `source`; `nil` with an issue (or warnings) added to `result`.
    func read(from source: APIKeySource, configFile: String, text: String, into result: inout ConfigLoader.BotKeys) -> String? {
        let path: String
        switch source {
        case .file(let file):
            path = file
        case .credential(_, let file):
            // The folder holds the other bots' secrets: say which file is missing from it.
            guard FileManager.default.fileExists(atPath: file) else {
                result.issues.append(missingIssue(configFile: configFile, text: text, looked: "CREDENTIALS_DIRECTORY has no such file"))
                return nil
            }
            path = file
        case .missing:
            result.issues.append(missingIssue(configFile: configFile, text: text, looked: "CREDENTIALS_DIRECTORY is not set"))
            return nil
        }
        do {
            let loaded = try SecretFileLoader.load(path: path, keyPath: keyPath, kind: kind)
            result.warnings += loaded.warnings.map { "bot \(bot): " + $0 }
            return loaded.secret
        } catch {
            result.issues += error.issues
            return nil
        }
    }

    /// The error when the config names no file and systemd passed no credential for this bot;
    /// `looked` says what was found instead.
    private func missingIssue(configFile: String, text: String, looked: String) -> ConfigIssue {
        let name = ConfigPaths.botCredentialName(credential, bot: bot)
        let message = "no \(kind.noun) for bot \(bot): set \(keyPath), or run under systemd with "
            + "LoadCredential=\(credential):<folder> holding a file named \(bot) "
            + "(systemd passes it as the credential \(name); \(looked))"
        return ConfigIssue(location: ConfigLocation(file: configFile, line: ConfigParser.line(of: place, in: text)),
                           keyPath: keyPath, message: message)
    }
}
