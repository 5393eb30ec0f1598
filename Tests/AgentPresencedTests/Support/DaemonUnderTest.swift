import BrevoStandIn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built daemon running as a child against an in-process stand-in, with a real notify socket.
final class DaemonUnderTest: @unchecked Sendable {
    let folder: TemporaryFolder
    let standIn: BrevoStandIn
    let notify: NotifySocket
    let apiKey = "test-key-\(UUID().uuidString)"
    let configPath: String
    let statusPath: String
    /// `$RUNTIME_DIRECTORY` of the daemon and of the commands run against it (its pid file).
    let runtimePath: String
    /// More environment for `run` (`https_proxy`, say).
    var runEnvironment: [String: String] = [:]
    private(set) var process: Process?
    private var stderrPipe: Pipe?

    /// Prepares a folder with the key file and a config holding `agents` (YAML list items);
    /// the stand-in also accepts `otherKeys` (the keys of more accounts), over HTTPS with `tls`.
    init(
        agents: String, interval: String = "2s", extra: String = "", otherKeys: [String] = [], tls: StandInTLS? = nil
    ) async throws {
        folder = try TemporaryFolder()
        standIn = try await BrevoStandIn.start(apiKeys: [apiKey] + otherKeys, tls: tls)
        notify = try NotifySocket()
        statusPath = folder.path + "/run/status.json"
        runtimePath = folder.path + "/runtime"
        try folder.write("brevo-api-key", apiKey + "\n")
        configPath = folder.path + "/config.yaml"
        try writeConfig(agents: agents, interval: interval, extra: extra)
    }

    /// Rewrites the config (for reloads); `brevo` adds keys under `brevo:` (`ca_file: ...`).
    func writeConfig(agents: String, interval: String = "2s", extra: String = "", brevo: String = "") throws {
        try folder.write("config.yaml", """
            brevo:
              base_url: \(standIn.baseURL)
              api_key_file: \(folder.path)/brevo-api-key
              received_from: tests
              \(brevo)
            ping:
              interval: \(interval)
              jitter: 200ms
              timeout: 1s
              presence_window: 6s
            status_file: \(statusPath)
            \(extra)
            agents:
            \(agents)
            """, mode: 0o644)
    }

    /// Replaces the config with `text` (a config of the `accounts:` form, say).
    func writeConfig(text: String) throws {
        try folder.write("config.yaml", text, mode: 0o644)
    }

    /// Starts `agent-presenced run` and waits for `READY=1`; returns that datagram.
    func start() throws -> String? {
        try launch()
        return notify.waitFor { $0.contains("READY=1") }
    }

    /// Starts `agent-presenced run` without waiting for anything.
    func launch() throws {
        let (process, _, err) = try DaemonBinary.start(["run", "--config", configPath], environment: environment(runEnvironment.merging(["NOTIFY_SOCKET": notify.path]) { $1 }))
        self.process = process
        stderrPipe = err
    }

    /// The environment of a command run against this daemon: its runtime folder, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["RUNTIME_DIRECTORY": runtimePath].merging(extra) { $1 }
    }

    /// The daemon's process ID, once launched.
    var pid: Int32? { process?.processIdentifier }

    /// Sends `signal` to the daemon.
    func signal(_ number: Int32) {
        if let process { kill(process.processIdentifier, number) }
    }

    /// Waits (bounded) until `condition` holds for the stand-in's requests.
    func waitForRequests(timeout: Duration = .seconds(30), _ condition: ([RecordedRequest]) -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(standIn.requests) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Stops the daemon with SIGTERM; returns its exit status and everything it logged.
    func stop() -> (status: Int32, stderr: String) {
        guard let process else { return (-1, "") }
        kill(process.processIdentifier, SIGTERM)
        let log = stderrPipe?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: log, as: UTF8.self))
    }

    /// Kills the daemon if it still runs and stops the stand-in.
    func tearDown() async {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? await standIn.shutdown()
    }

    /// The status file, parsed as plain JSON.
    func statusJSON() -> [String: Any]? {
        FileManager.default.contents(atPath: statusPath).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }
}
