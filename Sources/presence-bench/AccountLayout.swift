import Foundation

/// How a scenario's roster is split across Brevo accounts (the config's `accounts:` form), and
/// which of those accounts the stand-in rate-limits.
///
/// Agents go to accounts in roster order, in equal contiguous blocks, so an agent's account
/// follows from its position alone: the stand-in's request log names the agent but not the key,
/// and the agent IDs stay those of the one-account scenarios.
struct AccountLayout: Sendable {
    /// Accounts the roster is split across.
    var count: Int
    /// Accounts whose key the stand-in answers with 429, spread evenly over the accounts.
    var limited: Int
    /// How long the limited keys get 429, seconds from the stand-in's start (its answers carry
    /// `x-sib-ratelimit-*` headers whose reset is the end of this spell, as Brevo's would).
    var limitSpell: Double

    /// The account of roster entry `index` in a roster of `agents`.
    func account(ofAgent index: Int, agents: Int) -> Int {
        index * count / max(agents, 1)
    }

    /// Whether the stand-in rate-limits `account`: every `count / limited`-th account.
    func isLimited(_ account: Int) -> Bool {
        guard limited > 0 else { return false }
        let stride = max(count / limited, 1)
        return account.isMultiple(of: stride) && account / stride < limited
    }

    /// Whether roster entry `index` belongs to a rate-limited account.
    func isLimited(agent index: Int, agents: Int) -> Bool {
        isLimited(account(ofAgent: index, agents: agents))
    }

    /// The name of `account` in the config, `a0042`.
    static func name(_ account: Int) -> String {
        String(format: "a%04d", account)
    }
}
