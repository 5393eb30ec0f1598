import ArgumentParser
import Foundation
import Logging
import PresenceCore
import PresenceDaemon
import PresenceMetrics
import ServiceLifecycle
import SystemdSupport

/// `agent-presenced run`: the service.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the service (the default): keep every enabled agent online until SIGTERM."
    )

    @OptionGroup var options: ConfigOption
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        ReloadSignal.ignoreUntilArmed()
        let inherited = InheritedSockets.take()
        HeapTrim.configure()
        let logger = logging.bootstrap()
        let notifier = SystemdNotifier()
        let runtime = try makeRuntime(logger: logger, notifier: notifier)
        let socketPath = ConfigPaths.controlSocketPath(statusFilePath: runtime.statusFilePath, environment: ProcessInfo.processInfo.environment)
        var services: [any Service] = [
            PresenceService(runtime: runtime),
            ControlService(runtime: runtime, socketPath: socketPath, inherited: inherited, logger: logger),
        ]
        runtime.metrics?.bootstrapMetricsSystem()
        if let metrics = runtime.metrics, let address = runtime.metricsSettings.listen {
            services.append(MetricsService(metrics: metrics, address: address, logger: logger))
        }
        let group = ServiceGroup(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Logger(label: "agent-presenced.lifecycle")
        )
        do {
            try await group.run()
        } catch let error as RuntimeFailure {
            // Two daemons under one node name: a config error that a restart cannot fix.
            notifier.failure(status: "configuration error: \(error)", errno: 22)
            throw ExitCode.config
        } catch {
            logger.critical("agent-presenced failed: \(error)")
            notifier.failure(status: "failed: \(error)", errno: 5)
            throw ExitCode.failure
        }
    }
}

extension RunCommand {
    /// Loads the config and builds the runtime; the loaded config goes out of scope here, so
    /// only the runtime's copy (whose roster it drops once the scheduler has it) stays alive.
    private func makeRuntime(logger: Logger, notifier: SystemdNotifier) throws -> PresenceRuntime {
        let loaded: LoadedConfig
        do {
            loaded = try ConfigLoader.load(path: options.path)
        } catch {
            for issue in error.issues { logger.critical("configuration error: \(issue)") }
            notifier.failure(status: "configuration error: \(error.summary)", errno: 22)
            throw ExitCode.config
        }
        let instance: DaemonInstance
        do {
            instance = try DaemonInstance.acquire(configPath: loaded.path, statusPath: loaded.statusFilePath,
                                                  environment: ProcessInfo.processInfo.environment)
        } catch {
            logger.critical("cannot start: \(error)")
            notifier.failure(status: "cannot start: \(error)", errno: EEXIST)
            throw ExitCode.failure
        }
        HeapTrim.returnFreeMemory()
        return PresenceRuntime(loaded: loaded, logger: logger, notifier: notifier, instance: instance)
    }
}

/// `--log-target` and `--log-level`.
struct LoggingOptions: ParsableArguments {
    @Option(help: "Where logs go: auto (the journal when stderr is the journal stream), journal or stderr.")
    var logTarget: LogTargetChoice = .auto

    @Option(help: "The lowest level logged: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    /// Installs the chosen log handler and returns the daemon's logger.
    func bootstrap() -> Logger {
        let target: LogTarget = switch logTarget {
        case .auto: .automatic()
        case .journal: .journal
        case .stderr: .stderr
        }
        let level = logLevel
        LoggingSystem.bootstrap(makeLogHandlerFactory(target: target, identifier: "agent-presenced", level: level))
        var logger = Logger(label: "agent-presenced")
        logger.logLevel = level
        return logger
    }
}

/// The values `--log-target` takes.
enum LogTargetChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, journal, stderr
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
