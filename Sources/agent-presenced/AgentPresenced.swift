import ArgumentParser

/// `agent-presenced`: keeps a roster of Brevo live-chat agents online.
@main
struct AgentPresenced: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent-presenced",
        abstract: "Keeps a roster of Brevo live-chat agents online by pinging agentOnlinePing.",
        version: AgentPresencedVersion.string,
        subcommands: [
            RunCommand.self, CheckCommand.self, StatusCommand.self, PingCommand.self,
            ReloadCommand.self, DemoCommand.self, StandInCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}

/// The program's version.
enum AgentPresencedVersion {
    static let string = "0.1.0"
}
