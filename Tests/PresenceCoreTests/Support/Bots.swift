import PresenceCore

/// Bot builders for tests.
enum Bots {
    /// A bot named `name` probed every `interval`.
    static func settings(_ name: String = "helpbot", interval: Duration = .seconds(60), downAfter: Int = 2, upAfter: Int = 1, text: String = "ping") -> BotSettings {
        BotSettings(
            name: name, baseURL: "http://127.0.0.1:1/eva-broker",
            org: "6c1f0000-0000-4000-8000-000000000001", env: "0a9e0000-0000-4000-8000-000000000002",
            bot: "47d20000-0000-4000-8000-000000000003", channel: "9f310000-0000-4000-8000-000000000004",
            locale: "en-US",
            probe: ProbeSettings(text: text, cadence: .init(interval: interval, timeout: .seconds(10), downAfter: downAfter, upAfter: upAfter))
        )
    }

    /// `bots` agents answered by `bot` (IDs `bot0000`…) and `humans` agents without one.
    static func config(bots: Int, humans: Int = 0, bot: BotSettings = Bots.settings()) -> PresenceConfig {
        var agents = Rosters.agents(bots, prefix: "bot").map { spec -> AgentSpec in
            var spec = spec
            spec.bot = bot.name
            return spec
        }
        agents += Rosters.agents(humans, prefix: "human")
        var config = Rosters.config(agents)
        config.bots = [bot.name: bot]
        return config
    }
}

/// The outcomes a scripted Broker answers with.
enum ProbeAnswers {
    static let healthy = ProbeOutcome.healthy(answerTexts: ["Hello! How can I help?"])
    static let nlpDown = ProbeOutcome.failed(.http(status: 462, message: nil), status: 462)
    static let overloaded = ProbeOutcome.failed(.http(status: 503, message: nil), status: 503)
}
