import PresenceCore
import PresenceDaemon

extension ConfigSummary {
    /// Per bot, in file order: its agents, its Broker and channel, its probe, and where its
    /// secrets come from (never the secrets).
    var botLines: [String] {
        let config = loaded.config
        guard !config.bots.isEmpty else { return [] }
        var users: [String: (enabled: Int, all: Int)] = [:]
        for agent in config.agents {
            guard let bot = agent.bot else { continue }
            users[bot, default: (0, 0)].all += 1
            if agent.enabled { users[bot, default: (0, 0)].enabled += 1 }
        }
        let bots = config.bots.values.sorted { ($0.source?.line ?? .max, $0.name) < ($1.source?.line ?? .max, $1.name) }
        return bots.flatMap { bot in
            let count = users[bot.name] ?? (0, 0)
            return ["  bot \(bot.name): \(count.enabled) enabled agent\(count.enabled == 1 ? "" : "s"), \(count.all - count.enabled) disabled"]
                + botDetails(bot).map { "    " + $0 }
        }
    }

    /// A bot's Broker, probe and secret sources.
    private func botDetails(_ bot: BotSettings) -> [String] {
        let probe = bot.probe
        let cadence = probe.cadence
        var probeLine = "probe: every \(DurationFormat.string(cadence.interval)), timeout \(DurationFormat.string(cadence.timeout)), "
            + "down after \(cadence.downAfter) failed, up after \(cadence.upAfter) good; says \(Self.quoted(probe.text))"
        if let expect = probe.expect { probeLine += ", expects \(Self.quoted(expect))" }
        var lines = [
            "broker: \(bot.baseURL), channel \(bot.channel), locale \(bot.locale)",
            probeLine,
        ]
        let sources = loaded.botKeySources[bot.name]
        if let source = sources?.apiKey { lines.append("api key: \(source)") }
        if let auth = bot.auth {
            lines.append("auth: \(auth.tokenURL), client \(auth.clientID)")
            if let source = sources?.clientSecret { lines.append("client secret: \(source)") }
        }
        return lines
    }

    /// `text` in double quotes, cut to 60 characters, one line.
    private static func quoted(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (line.count > 60 ? String(line.prefix(60)) + "…" : line) + "\""
    }
}
