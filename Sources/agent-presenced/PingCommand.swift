import ArgumentParser
import BrevoAPI
import PresenceCore
import PresenceDaemon

/// `agent-presenced ping AGENT`: one ping now, with the configured key, and its outcome.
struct PingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Send one agentOnlinePing for an agent of the roster now and print the outcome."
    )

    @Argument(help: "The agent: its id, email, label or key, as in the config.")
    var agent: String

    @OptionGroup var options: ConfigOption

    func run() async throws {
        let loaded = try options.load()
        guard let spec = Self.find(agent, in: loaded.config.agents) else {
            Console.error("no agent '\(agent)' in the roster of \(loaded.path); give its id, email, label or key")
            throw ExitCode.usage
        }
        let client = BrevoClient(baseURL: loaded.config.brevo.baseURL, apiKey: loaded.apiKey.secret, timeout: loaded.config.ping.timeout)
        let outcome = await client.agentOnlinePing(PingRequest(identity: spec.identity, receivedFrom: loaded.config.brevo.receivedFrom))
        await client.shutdown()
        var line = "\(spec.displayName): \(outcome.isSuccess ? "online" : "failed"), \(outcome.summary), \(outcome.latency.milliseconds) ms"
        if let requestID = outcome.requestID { line += ", sib-request-id \(requestID)" }
        if !spec.enabled { line += " (note: this agent is disabled in the config)" }
        Console.out(line)
        if !outcome.isSuccess { throw ExitCode.failure }
    }

    /// The roster entry matching `name` by key, id, email (any case) or label.
    static func find(_ name: String, in agents: [AgentSpec]) -> AgentSpec? {
        agents.first { spec in
            if spec.key.rawValue == name || spec.label == name { return true }
            switch spec.identity {
            case .id(let id): return id == name
            case .email(let email, _): return email.lowercased() == name.lowercased()
            }
        }
    }
}
