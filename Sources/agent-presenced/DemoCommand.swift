import ArgumentParser
import BrevoStandIn
import Foundation
import Logging
import PresenceCore
import PresenceDaemon
import ServiceLifecycle
import SystemdSupport

/// `agent-presenced demo`: the whole daemon against an in-process Brevo stand-in, with a
/// sprinkle of faults, printing the live status table: the product at work, no account needed.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the daemon on a built-in roster against a local Brevo stand-in and show its status live."
    )

    @Option(help: "Stop after this many seconds (default: run until Ctrl-C).")
    var seconds: Int?

    @Option(help: "The share of pings the stand-in fails with HTTP 503, 0 to 1.")
    var failureRate: Double = 0.15

    func run() async throws {
        ReloadSignal.ignoreUntilArmed()
        LoggingSystem.bootstrap(makeLogHandlerFactory(target: .stderr, identifier: "agent-presenced", level: .info))
        let logger = Logger(label: "agent-presenced")
        let apiKey = "demo-" + UUID().uuidString
        let standIn = try await BrevoStandIn.start(apiKey: apiKey, faults: FaultPlan(failureRate: failureRate, failureStatus: 503, latency: .milliseconds(40)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agent-presenced-demo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let keyPath = folder + "/brevo-api-key"
        _ = FileManager.default.createFile(atPath: keyPath, contents: Data((apiKey + "\n").utf8), attributes: [.posixPermissions: 0o600])
        let configPath = folder + "/config.yaml"
        try DemoRoster.yaml(baseURL: standIn.baseURL, folder: folder).write(toFile: configPath, atomically: true, encoding: .utf8)

        let loaded: LoadedConfig
        do {
            loaded = try ConfigLoader.load(path: configPath)
        } catch {
            Console.error("the demo's own config is invalid: \(error)")
            throw ExitCode.config
        }
        Console.out("Brevo stand-in listening on \(standIn.baseURL); \(loaded.config.agents.count) agents, one ping every \(DurationFormat.string(loaded.config.ping.interval)), \(Int(failureRate * 100)) % of pings fail with 503. Ctrl-C stops.")
        let runtime = PresenceRuntime(loaded: loaded, logger: logger)
        let printer = DemoPrinter(statusFile: loaded.statusFilePath, standIn: standIn, stopAfter: seconds)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [
                .init(service: PresenceService(runtime: runtime)),
                .init(service: printer, successTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Logger(label: "agent-presenced.lifecycle")
        ))
        try await group.run()
        try await standIn.shutdown()
        Console.out("demo stopped: the stand-in received \(standIn.requests.count) pings")
    }
}

/// The demo's roster: a handful of agents in both forms, one disabled, a short interval.
enum DemoRoster {
    static func yaml(baseURL: String, folder: String) -> String {
        """
        brevo:
          base_url: \(baseURL)
          api_key_file: \(folder)/brevo-api-key
          received_from: agent-presenced-demo
        ping:
          interval: 3s
          jitter: 300ms
          timeout: 1s
          presence_window: 9s
        status_file: \(folder)/status.json
        agents:
          - id: demo-alice
            label: Alice
          - id: demo-bob
            label: Bob
          - email: carol@example.com
            name: Carol
            label: Carol
          - id: demo-dave
            label: Dave
          - id: demo-erin
            label: Erin (off duty)
            enabled: false
        """
    }
}

/// Prints the status table every few seconds; returning (after `stopAfter` seconds) shuts the
/// demo down gracefully.
struct DemoPrinter: Service {
    let statusFile: String
    let standIn: BrevoStandIn
    let stopAfter: Int?

    func run() async throws {
        let start = ContinuousClock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3))
            if Task.isShuttingDownGracefully { return }
            if let document = ReloadCommand.readStatus(statusFile) {
                Console.out("")
                for line in StatusTable(document: document).lines { Console.out(line) }
            }
            if let stopAfter, ContinuousClock.now - start >= .seconds(stopAfter) { return }
        }
    }
}
