import ArgumentParser
import Foundation
import PresenceCore
import PresenceDaemon

/// `--config PATH`, shared by the commands that read the config.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The config file (default: $AGENT_PRESENCED_CONFIG, else /etc/agent-presenced/config.yaml).",
        valueName: "path"
    ))
    var config: String?

    /// The config path in force.
    var path: String {
        config ?? ConfigLoader.defaultConfigPath(environment: ProcessInfo.processInfo.environment)
    }

    /// Loads the config, or prints every error to stderr and exits 78.
    func load(readingAPIKey: Bool = true) throws -> LoadedConfig {
        do {
            return try ConfigLoader.load(path: path, readingAPIKey: readingAPIKey)
        } catch {
            Console.error("configuration error in \(path):")
            for issue in error.issues { Console.error("  \(issue)") }
            throw ExitCode.config
        }
    }
}
