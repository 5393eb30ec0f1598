import Yams

extension ConfigParser {
    /// The keys allowed in one account of `accounts:`.
    static let accountKeys = brevoKeys + ["requests_per_hour", "schedule"]

    /// Reads `accounts:` into `config` when the file has it, and returns how the file's agents
    /// find their accounts; `nil` when the accounts have a problem (already reported), so that
    /// agents are not blamed for it. Each account's `schedule:` must be one of `schedules`.
    static func readAccounts(
        _ entries: [String: YAMLNodeReader.Entry], into config: inout PresenceConfig,
        schedules: DeclaredNames, reader: inout YAMLNodeReader
    ) -> AccountResolver? {
        guard let entry = entries["accounts"] else { return AccountResolver(config) }
        var formsAgree = true
        if let other = ["brevo", "rate_limit"].first(where: { entries[$0] != nil }) {
            reader.report(entry.keyNode, "accounts", "the file has both \(other): and accounts:; use one form: "
                + "brevo: and rate_limit: for one account, or accounts: for several")
            formsAgree = false
        }
        guard let accounts = readAccounts(entry, schedules: schedules, reader: &reader), formsAgree else { return nil }
        config.accounts = accounts
        config.namesAccounts = true
        return AccountResolver(config)
    }

    /// Reads the mapping of `accounts:`, in file order; `nil` when it has a problem.
    private static func readAccounts(
        _ entry: YAMLNodeReader.Entry, schedules: DeclaredNames, reader: inout YAMLNodeReader
    ) -> [AccountSettings]? {
        let node = entry.value
        if case .mapping(let mapping) = node, mapping.count > 0 {
            let issuesBefore = reader.issues.count
            var accounts: [AccountSettings] = []
            for (key, value) in mapping {
                if let account = readAccount(key: key, value: value, schedules: schedules, reader: &reader) {
                    accounts.append(account)
                }
            }
            return reader.issues.count == issuesBefore ? accounts : nil
        }
        var empty = YAMLNodeReader.isNull(node)
        if case .mapping = node { empty = true }
        if empty {
            reader.report(entry.keyNode, "accounts", "names no account; declare at least one (support-eu: {}), "
                + "or use brevo: for a single account")
        } else {
            reader.report(node, "accounts", "expected a mapping of accounts by name (support-eu: ...), "
                + "found \(YAMLNodeReader.describe(node))")
        }
        return nil
    }

    /// Reads one account; `nil` when it has a problem (already reported). A null value is an
    /// account with every default.
    private static func readAccount(
        key: Node, value: Node, schedules: DeclaredNames, reader: inout YAMLNodeReader
    ) -> AccountSettings? {
        guard let name = entryName(key, kind: "account", section: "accounts", reader: &reader) else { return nil }
        let path = "accounts." + name
        var account = AccountSettings(name: name, source: reader.location(key))
        guard let mapping = reader.mapping(value, at: path) else { return account }
        let entries = reader.entries(of: mapping, at: path, known: accountKeys)
        account.brevo = readBrevo(entries, at: path, reader: &reader)
        account.rateLimit = readRateLimit(entries, at: path, reader: &reader)
        if let entry = entries["schedule"], let schedule = reader.string(entry.value, at: path + ".schedule") {
            if let problem = schedules.problem(naming: schedule, by: "account \(name)") {
                reader.report(entry.value, path + ".schedule", problem)
            } else {
                account.schedule = schedule
            }
        }
        return account
    }
}
