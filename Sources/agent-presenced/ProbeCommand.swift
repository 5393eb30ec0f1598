import ArgumentParser
import BrokerAPI
import Foundation
import PresenceCore
import PresenceDaemon

/// `agent-presenced probe BOT`: one probe of a configured bot now, as the daemon runs it (a
/// test conversation, then its close), and its outcome.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Probe a configured bot now with one test conversation and print the outcome and its answer."
    )

    @Argument(help: "The bot's name, as under bots: in the config.")
    var bot: String

    @OptionGroup var options: ConfigOption

    func run() async throws {
        let loaded = try options.load()
        guard let settings = loaded.config.bots[bot] else {
            let names = loaded.config.bots.keys.sorted()
            Console.error("\(loaded.path): no bot named \"\(bot)\"" + (names.isEmpty ? " (the config has no bots)" : "; the bots are: \(names.joined(separator: ", "))"))
            throw ExitCode.usage
        }
        let client = BrokerClient(userAgent: ProductVersion.userAgent(node: loaded.config.cluster?.node))
        client.updateSecrets(loaded.brokerSecrets)
        let outcome = await client.probe(ProbeRequest(bot: settings, requestID: UUID().uuidString.lowercased()))
        await client.shutdown()
        for line in Self.report(bot: bot, outcome: outcome) { Console.out(line) }
        if !outcome.isHealthy { throw ExitCode.failure }
    }

    /// The lines printed for `outcome`.
    static func report(bot: String, outcome: ProbeOutcome) -> [String] {
        var lines: [String] = []
        let status = outcome.status.map { "HTTP \($0), " } ?? ""
        if let failure = outcome.failure {
            lines.append("bot \(bot): unhealthy, \(status)\(outcome.latency.milliseconds) ms: \(failure.summary)")
        } else {
            lines.append("bot \(bot): healthy, \(status)\(outcome.latency.milliseconds) ms")
        }
        if !outcome.answerTexts.isEmpty { lines.append("answer: \(outcome.answerText)") }
        switch outcome.sessionClosed {
        case true?: lines.append("session: closed")
        case false?: lines.append("session: not closed (\(outcome.closeError ?? "no reason given"))")
        case nil: lines.append("session: none opened")
        }
        return lines
    }
}
