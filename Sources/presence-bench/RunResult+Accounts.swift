extension RunResult {
    /// What a many-account scenario measured about the accounts the stand-in rate-limited:
    /// whether the daemon held their agents back and brought them back, while the agents of
    /// the other accounts (their lapses are ``RunResult/lapses``) kept their cadence.
    struct Accounts: Codable, Sendable {
        /// Accounts in the config.
        var accounts: Int
        /// Accounts whose key the stand-in answered with 429 for a spell.
        var limitedAccounts: Int
        /// The spell, seconds from the stand-in's start.
        var limitSpellS: Double
        /// Agents of the accounts served normally.
        var unaffectedAgents: Int
        /// Agents of the rate-limited accounts.
        var limitedAgents: Int
        /// Rate-limited accounts that got at least one 429 (all of them expected).
        var accountsHeld: Int
        /// 429 answers to the rate-limited accounts.
        var tooManyRequests: Int
        /// Requests of rate-limited accounts beyond the first 429 of each (0 expected, give or
        /// take one already in flight when that 429 came back).
        var sentWhileHeld: Int
        /// Agents of rate-limited accounts with a success after the spell: brought back.
        var limitedAgentsResumed: Int
        /// From the spell's end to each such agent's first success, milliseconds.
        var resumeDelayMs: Spread

        enum CodingKeys: String, CodingKey {
            case accounts
            case limitedAccounts = "limited_accounts"
            case limitSpellS = "limit_spell_s"
            case unaffectedAgents = "unaffected_agents"
            case limitedAgents = "limited_agents"
            case accountsHeld = "accounts_held"
            case tooManyRequests = "too_many_requests"
            case sentWhileHeld = "sent_while_held"
            case limitedAgentsResumed = "limited_agents_resumed"
            case resumeDelayMs = "resume_delay_ms"
        }

        /// Figures over `runs` of one scenario: problems (requests while held) from the worst
        /// run, successes (accounts held, agents resumed) from the weakest, delays as medians.
        static func median(of runs: [Accounts]) -> Accounts? {
            guard var result = runs.first else { return nil }
            result.accountsHeld = runs.map(\.accountsHeld).min() ?? 0
            result.tooManyRequests = Int(medianValue(runs.map { Double($0.tooManyRequests) }).rounded())
            result.sentWhileHeld = runs.map(\.sentWhileHeld).max() ?? 0
            result.limitedAgentsResumed = runs.map(\.limitedAgentsResumed).min() ?? 0
            result.resumeDelayMs = Spread.median(of: runs.map(\.resumeDelayMs))
            return result
        }
    }
}
