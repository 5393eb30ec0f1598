/// Gives each agent its final account: the one it names, or the only one there is.
///
/// In the one-account form an agent names no account (`default` is allowed and dropped), so
/// its key stays `id:...`; in the `accounts:` form every agent ends up with an account, so its
/// key is `<account>/id:...`. Resolving twice changes nothing.
struct AccountResolver {
    /// The declared account names, in file order.
    private let names: [String]
    /// The same names, for a lookup per agent that does not walk 2,000 accounts.
    private let known: Set<String>
    /// Whether the config uses the `accounts:` form.
    private let namesAccounts: Bool

    /// A resolver for the accounts of `config`.
    init(_ config: PresenceConfig) {
        names = config.accounts.map(\.name)
        known = Set(names)
        namesAccounts = config.namesAccounts
    }

    /// Sets `agent.account` to its final value, or returns why there is none.
    func resolve(_ agent: inout AgentSpec) -> String? {
        guard namesAccounts else {
            guard let account = agent.account else { return nil }
            if account == AccountSettings.defaultName {
                agent.account = nil
                return nil
            }
            return "agent \(agent.identity.key) names account \(ConfigText.quoted(account)), but the config "
                + "declares no accounts: (brevo: and rate_limit: make one account, named default); "
                + "list the accounts under accounts:, or leave account: out"
        }
        guard let account = agent.account else {
            if names.count == 1 {
                agent.account = names[0]
                return nil
            }
            return "agent \(agent.identity.key) has no account: and the config names \(names.count) accounts "
                + "(\(names.joined(separator: ", ")))"
        }
        if known.contains(account) { return nil }
        var message = "agent \(agent.identity.key) names account \(ConfigText.quoted(account)), "
            + "which the config does not declare"
        if let suggestion = KeySuggestion.closest(to: account, in: names) {
            message += "; did you mean \"\(suggestion)\"?"
        }
        return message + " (accounts: \(names.joined(separator: ", ")))"
    }
}
