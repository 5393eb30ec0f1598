import BrevoStandIn
import Foundation
import PostgresTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Daemons of one or more clusters as real processes of the built binary: one Brevo stand-in,
/// one throwaway PostgreSQL, and a TCP relay between each daemon and the database.
///
/// Every member gets its own node name, so the stand-in's log (its `User-Agent`) tells which
/// process sent each ping. Timings are short so failovers take seconds: pings every 5 s, a
/// 30 s presence window, a 10 s lease.
final class ClusterFixture: @unchecked Sendable {
    static let lease: Double = 10
    static let presenceWindow: Double = 30
    static let agentCount = 6

    let postgres: ThrowawayPostgres
    let standIn: BrevoStandIn
    let folder: TemporaryFolder
    let apiKey: String
    private(set) var members: [ClusterMember] = []

    private init(postgres: ThrowawayPostgres, standIn: BrevoStandIn, folder: TemporaryFolder, apiKey: String) {
        self.postgres = postgres
        self.standIn = standIn
        self.folder = folder
        self.apiKey = apiKey
    }

    /// Runs `body` with a fresh fixture; every process, relay, server and file goes afterwards.
    static func with(_ body: (ClusterFixture) async throws -> Void) async throws {
        let apiKey = "cluster-key-\(UUID().uuidString)"
        let postgres = try ThrowawayPostgres()
        let fixture: ClusterFixture
        do {
            fixture = ClusterFixture(postgres: postgres, standIn: try await BrevoStandIn.start(apiKey: apiKey),
                                     folder: try TemporaryFolder(), apiKey: apiKey)
        } catch {
            postgres.remove()
            throw error
        }
        var failure: (any Error)?
        do { try await body(fixture) } catch { failure = error }
        await fixture.tearDown()
        if let failure { throw failure }
    }

    /// Starts a daemon named `node` in `cluster` with `policy`, behind a relay of its own, in
    /// the folder `home` (by default named after the node).
    @discardableResult
    func launch(_ node: String, home name: String? = nil, cluster: String = "default", policy: String = "stop") async throws -> ClusterMember {
        let relay = try await TCPRelay(targetPort: postgres.port)
        let home = folder.path + "/" + (name ?? node)
        try FileManager.default.createDirectory(atPath: home + "/runtime", withIntermediateDirectories: true)
        try write(home + "/postgres-url", postgres.urlText(port: relay.port) + "\n", mode: 0o600)
        try write(home + "/brevo-api-key", apiKey + "\n", mode: 0o600)
        let agents = (1...Self.agentCount).map { "  - id: agent\($0)\n    label: Agent \($0)" }.joined(separator: "\n")
        try write(home + "/config.yaml", """
            brevo:
              base_url: \(standIn.baseURL)
              api_key_file: \(home)/brevo-api-key
            ping:
              interval: 5s
              jitter: 500ms
              timeout: 2s
              presence_window: \(Int(Self.presenceWindow))s
            cluster:
              postgres_url_file: \(home)/postgres-url
              name: \(cluster)
              node: \(node)
              lease: \(Int(Self.lease))s
              when_database_lost: \(policy)
            status_file: \(home)/status.json
            agents:
            \(agents)
            """, mode: 0o644)
        let member = try ClusterMember(node: node, home: home, relay: relay)
        members.append(member)
        return member
    }

    /// Stops every process (SIGKILL), the relays, the stand-in and the server.
    func tearDown() async {
        for member in members {
            member.kill(SIGCONT)
            member.kill(SIGKILL)
            _ = member.waitForExit(timeout: .seconds(10))
            await member.relay.close()
        }
        try? await standIn.shutdown()
        postgres.remove()
    }

    private func write(_ path: String, _ text: String, mode: Int) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}

/// One daemon process of a ``ClusterFixture``.
final class ClusterMember: @unchecked Sendable {
    let node: String
    let home: String
    let relay: TCPRelay
    let process: Process

    init(node: String, home: String, relay: TCPRelay) throws {
        self.node = node
        self.home = home
        self.relay = relay
        let log = home + "/daemon.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process = Process()
        process.executableURL = DaemonBinary.url
        process.arguments = ["run", "--config", home + "/config.yaml", "--log-target", "stderr"]
        var environment = ProcessInfo.processInfo.environment
        for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "AGENT_PRESENCED_CONFIG", "CREDENTIALS_DIRECTORY", "MAINPID"] {
            environment[name] = nil
        }
        environment["RUNTIME_DIRECTORY"] = home + "/runtime"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
    }

    /// Sends `signal` to the process while it runs.
    func kill(_ signal: Int32) {
        if process.isRunning { Glibc.kill(process.processIdentifier, signal) }
    }

    /// The exit status once the process ended within `timeout`; `nil` if it still runs.
    func waitForExit(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
        guard !process.isRunning else { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What the daemon logged so far.
    var log: String {
        (try? String(contentsOfFile: home + "/daemon.log", encoding: .utf8)) ?? ""
    }

    /// The status file's `cluster` section.
    var cluster: [String: Any]? {
        guard let data = FileManager.default.contents(atPath: home + "/status.json"),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return json["cluster"] as? [String: Any]
    }

    /// The role the status file shows (`leader`, `standby`).
    var role: String? { cluster?["role"] as? String }

    /// The epoch the status file shows.
    var epoch: Int? { (cluster?["epoch"] as? NSNumber)?.intValue }
}
