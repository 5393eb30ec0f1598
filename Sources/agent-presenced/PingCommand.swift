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
        let spec: AgentSpec
        do {
            spec = try AgentLookup.find(agent, in: loaded.config.agents)
        } catch {
            Console.error("\(loaded.path): \(error)")
            throw ExitCode.usage
        }
        let account = loaded.config.account(named: spec.accountName) ?? loaded.config.accounts[0]
        let client = BrevoClient(accounts: loaded.brevoCredentials, timeout: loaded.config.ping.timeout,
                                 userAgent: ProductVersion.userAgent(node: loaded.config.cluster?.node))
        let request = PingRequest(identity: spec.identity, receivedFrom: account.brevo.receivedFrom, account: account.name)
        let outcome = await client.agentOnlinePing(request)
        await client.shutdown()
        let name = loaded.config.namesAccounts ? "\(spec.displayName) (account \(account.name))" : spec.displayName
        var line = "\(name): \(outcome.isSuccess ? "online" : "failed"), \(outcome.summary), \(outcome.latency.milliseconds) ms"
        if let requestID = outcome.requestID { line += ", sib-request-id \(requestID)" }
        if !spec.enabled { line += " (note: this agent is disabled in the config)" }
        Console.out(line)
        if !outcome.isSuccess { throw ExitCode.failure }
    }
}
