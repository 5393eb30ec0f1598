import ArgumentParser
import Foundation
import PresenceCore
import PresenceDaemon

#if canImport(Glibc)
import Glibc
#endif

/// `agent-presenced status`: reads the status file and prints a table or the JSON.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each agent's state from the running daemon's status file."
    )

    @Option(help: ArgumentHelp("The status file (default: $RUNTIME_DIRECTORY/status.json, else /run/agent-presenced/status.json).", valueName: "path"))
    var statusFile: String?

    @Flag(help: "Print the status file's JSON instead of a table.")
    var json = false

    func run() throws {
        let path = statusFile ?? ConfigPaths.statusFilePath(configured: nil, configFolder: "/", environment: ProcessInfo.processInfo.environment)
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("agent-presenced is not running: no status file at \(path)")
            throw ExitCode.failure
        }
        let document: StatusDocument
        do {
            document = try JSONDecoder().decode(StatusDocument.self, from: data)
        } catch {
            Console.error("cannot read the status file \(path): \(error)")
            throw ExitCode.failure
        }
        guard Self.isRunning(document, statusPath: path) else {
            Console.error("agent-presenced is not running: the status file \(path) is from process \(document.pid), which has exited or no longer holds its lock (last updated \(document.updatedAt))")
            throw ExitCode.failure
        }
        if json {
            Console.out(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines))
        } else {
            for line in StatusTable(document: document).lines { Console.out(line) }
        }
    }

    /// Whether the daemon that wrote `document` still runs: the live holder of the status
    /// file's lock is that process. Without a lock file (a read-only status folder, or a
    /// daemon from before the locks) a live process with the document's `pid` has to do.
    static func isRunning(_ document: StatusDocument, statusPath: String) -> Bool {
        let lock = InstancePaths.statusLock(forStatusFile: statusPath)
        switch LockFile.holder(of: lock) {
        case .process(let record): return record.map { $0.pid == document.pid } ?? DaemonLookup.isAlive(pid: document.pid)
        case .nobody: return !FileManager.default.fileExists(atPath: lock) && DaemonLookup.isAlive(pid: document.pid)
        }
    }
}
