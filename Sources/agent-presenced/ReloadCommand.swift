import ArgumentParser
import Foundation
import PresenceCore
import PresenceDaemon

#if canImport(Glibc)
import Glibc
#endif

/// `agent-presenced reload`: the unit's `ExecReload=`. Validates first, then signals the daemon
/// and waits for it to apply or refuse the config, so `systemctl reload` fails visibly.
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Validate the config, send SIGHUP to the daemon and wait until it applied or refused it."
    )

    @OptionGroup var options: ConfigOption

    @Option(help: ArgumentHelp("The running daemon's status file (default: from the config).", valueName: "path"))
    var statusFile: String?

    @Option(help: "How long to wait for the daemon, in seconds.")
    var timeout: Double = 10

    func run() throws {
        // Not the key: ExecReload= gets no credentials on systemd 252; the daemon checks it.
        let loaded = try options.load(readingAPIKey: false)
        let statusPath = statusFile ?? loaded.statusFilePath
        let environment = ProcessInfo.processInfo.environment
        guard let pid = environment["MAINPID"].flatMap(Int32.init) ?? Self.readStatus(statusPath)?.pid, StatusCommand.isAlive(pid: pid) else {
            Console.error("agent-presenced is not running (no $MAINPID and no live process in \(statusPath)); nothing to reload")
            throw ExitCode.failure
        }
        // The daemon's own status file is the only way to see what it did with the signal.
        guard let before = Self.waitForStatus(of: pid, at: statusPath, timeout: timeout) else {
            Console.error("agent-presenced (pid \(pid)) has no status file at \(statusPath); cannot follow the reload (was status_file changed? then restart the service)")
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
            guard let now = Self.readStatus(statusPath), now.config.lastReloadAt != previousReload else { continue }
            if now.config.generation > generation {
                Console.out("reloaded: configuration generation \(now.config.generation) applied")
                return
            }
            Console.error("reload refused, generation \(now.config.generation) keeps running: \(now.config.lastReloadError ?? "unknown error")")
            throw ExitCode.config
        }
        Console.error("agent-presenced (pid \(pid)) did not report the reload within \(Int(timeout)) s")
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
