import ArgumentParser
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
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Validate the config, send SIGHUP to the daemon and wait until it applied or refused it."
    )

    @OptionGroup var options: ConfigOption

    @Option(help: ArgumentHelp("The status file to follow (default: the one the daemon's pid file names).", valueName: "path"))
    var statusFile: String?

    @Option(help: "How long to wait for the daemon, in seconds.")
    var timeout: Double = 10

    func run() throws {
        // Not the key: ExecReload= gets no credentials on systemd 252; the daemon checks it.
        let loaded = try options.load(readingAPIKey: false)
        let environment = ProcessInfo.processInfo.environment
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
