import Foundation
import PresenceCore

/// Roster builders for tests.
enum Rosters {
    /// `count` agents by ID, `ag0001`…, all enabled unless listed in `disabled`.
    static func agents(_ count: Int, prefix: String = "ag", disabled: Set<Int> = []) -> [AgentSpec] {
        (0..<count).map { index in
            AgentSpec(identity: .id(String(format: "%@%04d", prefix, index)), label: "Agent \(index)", enabled: !disabled.contains(index))
        }
    }

    /// A config with `agents` and the given cadence.
    static func config(
        _ agents: [AgentSpec],
        interval: Duration = .seconds(60),
        jitter: Duration = .seconds(2),
        window: Duration = .seconds(120),
        maxInFlight: Int = 10_000
    ) -> PresenceConfig {
        PresenceConfig(
            ping: PingSettings(interval: interval, jitter: jitter, timeout: .seconds(10), presenceWindow: window, maxInFlight: maxInFlight),
            agents: agents
        )
    }

    /// A config of named accounts, `perAccount` agents each (IDs `<account>-0000`…), all with
    /// the same cadence; `budgets` sets an account's `requests_per_hour`.
    static func accountsConfig(
        _ names: [String], perAccount: Int, budgets: [String: Int] = [:],
        interval: Duration = .seconds(60), window: Duration = .seconds(120)
    ) -> PresenceConfig {
        let accounts = names.map { AccountSettings(name: $0, rateLimit: RateLimitSettings(requestsPerHour: budgets[$0])) }
        var agents: [AgentSpec] = []
        for name in names {
            for var agent in Self.agents(perAccount, prefix: name + "-") {
                agent.account = name
                agents.append(agent)
            }
        }
        return PresenceConfig(
            accounts: accounts,
            ping: PingSettings(interval: interval, jitter: .seconds(2), timeout: .seconds(10), presenceWindow: window, maxInFlight: 10_000),
            agents: agents
        )
    }
}
