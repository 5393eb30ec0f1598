import ArgumentParser
import BrevoStandIn
import Foundation
import Logging
import PresenceCore
import PresenceDaemon
import PresenceMetrics
import ServiceLifecycle
import SystemdSupport

/// `agent-presenced demo`: the whole daemon against an in-process Brevo stand-in, with a
/// sprinkle of faults, printing the live status table: the product at work, no account needed.
///
/// Two Brevo accounts with their own keys share the daemon; after a few seconds the stand-in
/// rate-limits one of them for a while, and the other's agents carry on untouched.
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agent-presenced-demo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let narration = DemoNarration(isTerminal: WatchScreen(environment: ProcessInfo.processInfo.environment).isTerminal)
        // On a terminal the table is redrawn in place: the log goes to a file there, so that
        // its lines do not scroll the view away.
        let logFile = folder + "/demo.log"
        let logRedirect = narration.isTerminal ? StandardErrorRedirect(toFile: logFile) : nil
        defer { logRedirect?.restore() }
        LoggingSystem.bootstrap(makeLogHandlerFactory(target: .stderr, identifier: "agent-presenced", level: .info))
        let logger = Logger(label: "agent-presenced")
        let keys = DemoRoster.accounts.map { _ in "demo-" + UUID().uuidString }
        let faults = FaultPlan(failureRate: failureRate, failureStatus: 503, latency: .milliseconds(40))
        // HTTPS as with the real APIs: a throwaway CA (openssl) signs the stand-ins' certificate
        // and the config trusts it with ca_file. Without openssl the demo falls back to HTTP.
        let certificates = try? StandInCertificates.make(authority: "agent-presenced demo CA", in: folder + "/tls")
        let tls = try certificates?.tls()
        let standIn = try await BrevoStandIn.start(apiKeys: keys, faults: faults, tls: tls)
        let brokerKey = "demo-broker-" + UUID().uuidString
        let broker = try await BrokerStandIn.start(apiKeys: [brokerKey], tls: tls)
        for (account, key) in zip(DemoRoster.accounts, keys) {
            _ = FileManager.default.createFile(atPath: folder + "/\(account).key", contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600])
        }
        _ = FileManager.default.createFile(atPath: folder + "/broker.key", contents: Data((brokerKey + "\n").utf8), attributes: [.posixPermissions: 0o600])
        _ = FileManager.default.createFile(atPath: folder + "/postgres-url", contents: Data(DemoRoster.postgresURL.utf8), attributes: [.posixPermissions: 0o600])
        let configPath = folder + "/config.yaml"
        let metricsPort = (try? FreePort.next()) ?? 9464
        try DemoRoster.yaml(baseURL: standIn.baseURL, brokerURL: broker.baseURL, folder: folder, metricsPort: metricsPort,
                            caFile: certificates?.caFile)
            .write(toFile: configPath, atomically: true, encoding: .utf8)

        let loaded: LoadedConfig
        do {
            loaded = try ConfigLoader.load(path: configPath)
        } catch {
            Console.error("the demo's own config is invalid: \(error)")
            throw ExitCode.config
        }
        Console.out("Brevo stand-in listening on \(standIn.baseURL); \(loaded.config.agents.count) agents in \(loaded.config.accounts.count) accounts (\(DemoRoster.accounts.joined(separator: ", "))), one ping every \(DurationFormat.string(loaded.config.ping.interval)), \(Int(failureRate * 100)) % of pings fail with 503. Ctrl-C stops.")
        let leaseTable = DemoLeaseTable()
        let runtime = PresenceRuntime(loaded: loaded, logger: logger, leaseTransport: leaseTable)
        let socket = folder + "/control.sock"
        Console.out("""
            Grace works one-minute shifts (on, off, on, …): she shows off_shift between them and is pinged within seconds of each start.
            The help bot is an agent too, online only while its bot answers a test conversation every 10 s (probe it yourself: agent-presenced probe \(DemoRoster.bot) --config \(configPath)).
            After 8 s its bot fails for 20 s: it shows bot_down, then comes back; nobody else notices.
            After 14 s the demo sends Bob away for 20 s through the control API. Try it yourself from another terminal:
              agent-presenced away Alice --socket \(socket) --for 1m --reason lunch
              agent-presenced clear Alice --socket \(socket)
              curl --unix-socket \(socket) http://localhost/v1/agents/support-eu%2Fid%3Ademo-alice
            Prometheus metrics: curl -s http://127.0.0.1:\(metricsPort)/metrics | grep -v '^#'
            \(certificates == nil ? "HTTP only: openssl is not installed, so the stand-ins have no certificate." : "Brevo and the bot are reached over HTTPS: the stand-ins' certificate comes from a throwaway CA that the config trusts with ca_file (\(certificates!.caFile)).")
            The daemon is node demo-1 of a cluster (its lease in an in-process table here, in PostgreSQL for real): after 40 s it loses the database and hands over to a simulated demo-2, then takes the lead back.
            """)
        var footer = [
            "Try it from another terminal: agent-presenced away Alice --socket \(socket) --for 1m --reason lunch",
            "Metrics: curl -s http://127.0.0.1:\(metricsPort)/metrics | grep -v '^#'",
        ]
        if logRedirect != nil { footer.append("The daemon's log: tail -f \(logFile)") }
        let printer = DemoPrinter(statusFile: loaded.statusFilePath, standIn: standIn, stopAfter: seconds, narration: narration, footer: footer)
        let rateLimit = DemoRateLimitScene(standIn: standIn, faults: faults, key: keys[1], account: DemoRoster.accounts[1], narration: narration)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [
                .init(service: PresenceService(runtime: runtime)),
                .init(service: ControlService(runtime: runtime, socketPath: socket, inherited: [], logger: logger)),
                .init(service: printer, successTerminationBehavior: .gracefullyShutdownGroup),
                .init(service: MetricsService(metrics: runtime.metrics!, address: ListenAddress(host: "127.0.0.1", port: metricsPort), logger: logger)),
                .init(service: DemoSceneUntilShutdown(scene: rateLimit), successTerminationBehavior: .ignore),
                .init(service: DemoSceneUntilShutdown(scene: DemoBotScene(broker: broker, bot: DemoRoster.bot, narration: narration)), successTerminationBehavior: .ignore),
                .init(service: DemoSceneUntilShutdown(scene: DemoClusterScene(table: leaseTable, narration: narration)), successTerminationBehavior: .ignore),
                .init(service: DemoSceneUntilShutdown(scene: DemoOverrideScene(socketPath: socket, agent: "support-eu/id:" + DemoRoster.awayAgent, narration: narration)), successTerminationBehavior: .ignore),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Logger(label: "agent-presenced.lifecycle")
        ))
        try await group.run()
        try await standIn.shutdown()
        await broker.shutdown()
        Console.out("demo stopped: the stand-in received \(standIn.requests.count) pings and \(broker.requests().filter { $0.kind == .start }.count) bot probes")
    }
}
