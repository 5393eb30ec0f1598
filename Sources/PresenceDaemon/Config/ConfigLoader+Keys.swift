import Foundation
import PresenceCore

extension ConfigLoader {
    /// Every account's key, where each came from, and what went wrong.
    struct AccountKeys {
        var keys: [String: APIKey] = [:]
        var sources: [String: APIKeySource] = [:]
        var issues: [ConfigIssue] = []
        var warnings: [String] = []
    }

    /// Reads the key of each account of `config`: its `api_key_file`, else its systemd
    /// credential. A missing or unusable key is an issue naming the account's key path; with
    /// `reading: false` only the sources are resolved and the keys are empty.
    static func loadKeys(
        of config: PresenceConfig, configFile: String, text: String, environment: [String: String], reading: Bool
    ) -> AccountKeys {
        var result = AccountKeys()
        let folder = ConfigPaths.folder(of: configFile)
        for account in config.accounts {
            let named = config.namesAccounts ? account.name : nil
            let keyPath = named.map { "accounts.\($0).api_key_file" } ?? APIKeyLoader.keyPath
            let source = ConfigPaths.apiKeySource(configured: account.brevo.apiKeyFile, account: named,
                                                  configFolder: folder, environment: environment)
            result.sources[account.name] = source
            guard reading else {
                result.keys[account.name] = APIKey(secret: "")
                continue
            }
            let line = { ConfigParser.line(of: named.map { "accounts.\($0)" } ?? "brevo", in: text) }
            guard let path = source.path else {
                result.issues.append(APIKeyLoader.missingKeyIssue(configFile: configFile, line: line(), account: named, keyPath: keyPath))
                continue
            }
            if let named, case .credential = source, !FileManager.default.fileExists(atPath: path) {
                // The folder holds the other accounts' keys: say which file is missing from it.
                result.issues.append(APIKeyLoader.missingKeyIssue(configFile: configFile, line: line(), account: named, keyPath: keyPath))
                continue
            }
            do {
                let loaded = try APIKeyLoader.load(path: path, keyPath: keyPath)
                result.keys[account.name] = loaded.key
                let prefix = named.map { "account \($0): " } ?? ""
                result.warnings += loaded.warnings.map { prefix + $0 }
            } catch {
                result.issues += error.issues
            }
        }
        return result
    }
}
