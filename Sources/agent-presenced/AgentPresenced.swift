import ArgumentParser
import PresenceCore

/// `agent-presenced`: keeps a roster of Brevo live-chat agents online.
@main
struct AgentPresenced: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent-presenced",
        abstract: "Keeps a roster of Brevo live-chat agents online by pinging agentOnlinePing.",
        version: ProductVersion.current,
        subcommands: [
            RunCommand.self, CheckCommand.self, StatusCommand.self, PingCommand.self, ProbeCommand.self,
            ReloadCommand.self, AwayCommand.self, OnlineCommand.self, ClearCommand.self, DemoCommand.self, StandInCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}

