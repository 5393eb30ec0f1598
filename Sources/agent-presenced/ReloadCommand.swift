import ArgumentParser
import ControlAPI
import Foundation
import PresenceCore
import PresenceDaemon

#if canImport(Glibc)
import Glibc
#endif

/// `agent-presenced reload`: the unit's `ExecReload=`. Validates first, then signals the daemon
/// and waits for it to apply or refuse the config, so `systemctl reload` fails visibly.
///
/// The daemon is found by its pid file (``DaemonLookup``), never by a status file's `pid`: a
/// stale status file could name any process. Its status file is followed where the pid file
/// says, so a reload that moves the status file is followed to the new one.
struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Validate the config, send SIGHUP to the daemon and wait until it applied or refused it."
    )

    @OptionGroup var options: ConfigOption

    @Option(help: ArgumentHelp("The status file to follow (default: the one the daemon's pid file names).", valueName: "path"))
    var statusFile: String?

    @Option(help: "How long to wait for the daemon, in seconds.")
    var timeout: Double = 10

    func run() async throws {
        // Not the key: ExecReload= gets no credentials on systemd 252; the daemon checks it.
        let loaded = try options.load(readingAPIKey: false)
        let environment = ProcessInfo.processInfo.environment
        if statusFile == nil, try await reloadThroughSocket(loaded.path, socket: ConfigPaths.controlSocketPath(statusFilePath: loaded.statusFilePath, environment: environment)) {
            return
        }
        let daemon: DaemonLookup.Found
        do {
            daemon = try DaemonLookup.daemon(serving: loaded.path, environment: environment)
        } catch {
            Console.error("\(error) (status file \(loaded.statusFilePath)); nothing to reload")
            throw ExitCode.failure
        }
        let pid = daemon.record.pid
        // The daemon's own status file is the only way to see what it did with the signal.
        guard let before = Self.waitForStatus(of: pid, at: statusFile ?? daemon.record.statusFile, timeout: timeout) else {
            Console.error("agent-presenced (pid \(pid)) has no status file at \(statusFile ?? daemon.record.statusFile); cannot follow the reload")
            throw ExitCode.failure
        }
        let generation = before.config.generation
        let previousReload = before.config.lastReloadAt
        guard kill(pid, SIGHUP) == 0 else {
            Console.error("cannot signal agent-presenced (pid \(pid)): \(String(cString: strerror(errno)))")
            throw ExitCode.failure
        }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            usleep(50_000)
            let statusPath = statusFile ?? daemon.currentStatusFile()
            guard let now = Self.readStatus(statusPath), now.pid == pid, now.config.lastReloadAt != previousReload else { continue }
            if now.config.generation > generation {
                Console.out("reloaded: configuration generation \(now.config.generation) applied")
                return
            }
            Console.error("reload refused, generation \(now.config.generation) keeps running: \(now.config.lastReloadError ?? "unknown error")")
            throw ExitCode.config
        }
        Console.error("agent-presenced (pid \(pid)) did not report the reload within \(Int(saturating: timeout)) s")
        throw ExitCode.failure
    }

    /// Reloads through the control socket (`POST /v1/reload`, answered once the daemon applied
    /// or refused the config) when the daemon of `configPath` listens there; `false` when it
    /// does not (no socket, another config's daemon or not the unit's main process, no
    /// permission): then SIGHUP it is.
    private func reloadThroughSocket(_ configPath: String, socket: String) async throws -> Bool {
        guard FileManager.default.fileExists(atPath: socket) else { return false }
        let client = ControlClient(socketPath: socket, timeout: .seconds(max(timeout, 1)))
        guard let status = try? await client.request("GET", "/v1/status"), status.status == 200,
              let document = try? JSONDecoder().decode(StatusDocument.self, from: Data(status.body)),
              document.config.path == configPath,
              // Under systemd the daemon must be the unit's main process; else the pid-file path
              // below explains the mismatch.
              ProcessInfo.processInfo.environment["MAINPID"].flatMap(Int32.init).map({ $0 == document.pid }) ?? true,
              let answer = try? await client.request("POST", "/v1/reload"), answer.status != 403
        else { return false }
        struct Answer: Decodable { var applied: Bool; var generation: Int; var error: String? }
        guard let result = try? JSONDecoder().decode(Answer.self, from: Data(answer.body)) else {
            Console.error("unexpected answer to the reload (HTTP \(answer.status)): \(DaemonRequest.message(of: answer.body))")
            throw ExitCode.failure
        }
        if result.applied {
            Console.out("reloaded: configuration generation \(result.generation) applied")
            return true
        }
        Console.error("reload refused, generation \(result.generation) keeps running: \(result.error ?? "unknown error")")
        throw ExitCode.config
    }

    /// Waits (bounded) until the status file at `path` is the one of process `pid`.
    static func waitForStatus(of pid: Int32, at path: String, timeout: Double) -> StatusDocument? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let document = readStatus(path), document.pid == pid { return document }
            usleep(50_000)
        } while Date() < deadline
        return nil
    }

    static func readStatus(_ path: String) -> StatusDocument? {
        FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(StatusDocument.self, from: $0) }
    }
}
