extension ConfigParser {
    /// What is worth an operator's attention in `config` without making it invalid, one line
    /// each, in account order: accounts that read the same key file (and so share one Brevo rate
    /// limit), and accounts with no agents.
    ///
    /// Pure: key files are compared as written, not resolved. The one-account form has nothing
    /// to warn about. A line starts with the account's place (`config.yaml:4: `) when known.
    public static func warnings(for config: PresenceConfig) -> [String] {
        guard config.namesAccounts else { return [] }
        var sharing: [String: [AccountSettings]] = [:]
        for account in config.accounts {
            if let keyFile = account.brevo.apiKeyFile { sharing[keyFile, default: []].append(account) }
        }
        let used = Set(config.agents.lazy.compactMap(\.account))
        var warnings: [String] = []
        for account in config.accounts {
            if let keyFile = account.brevo.apiKeyFile, let group = sharing[keyFile],
               group.count > 1, group[0].name == account.name {
                let names = group.map(\.name)
                let list = names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
                warnings.append(placed(group[1], "accounts \(list) read the same key file \(keyFile): "
                    + "they share one Brevo rate limit"))
            }
            if !used.contains(account.name) {
                warnings.append(placed(account, "account \(account.name) has no agents"))
            }
        }
        return warnings
    }

    /// `message`, after the account's place when known.
    private static func placed(_ account: AccountSettings, _ message: String) -> String {
        guard let source = account.source else { return message }
        return "\(source): \(message)"
    }
}
