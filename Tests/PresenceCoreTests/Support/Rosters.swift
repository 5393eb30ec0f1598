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
}
