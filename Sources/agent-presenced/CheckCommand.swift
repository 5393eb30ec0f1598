import ArgumentParser
import PresenceCore
import PresenceDaemon

/// `agent-presenced check`: validates the config like `nginx -t` and prints a summary.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config (and the API key file) and print a summary; exit 78 on any error."
    )

    @OptionGroup var options: ConfigOption

    func run() throws {
        let loaded = try options.load()
        for warning in loaded.warnings { Console.error("warning: \(warning)") }
        for line in ConfigSummary(loaded: loaded).lines { Console.out(line) }
    }
}
