import ArgumentParser
import ControlAPI
import Foundation
import PresenceCore
import PresenceDaemon

#if canImport(Glibc)
import Glibc
#endif

/// `agent-presenced status`: asks the running daemon over its control socket (the status file
/// when the socket is not there, or when `--status-file` names one) and prints a table or the
/// JSON.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each agent's state, from the running daemon's control socket or its status file."
    )

    @OptionGroup var socket: ControlSocketOption

    @Option(help: ArgumentHelp("The status file (default: $RUNTIME_DIRECTORY/status.json, else /run/agent-presenced/status.json).", valueName: "path"))
    var statusFile: String?

    @Flag(help: "Print the status file's JSON instead of a table.")
    var json = false

    func run() async throws {
        if statusFile == nil, let data = await Self.fromSocket(socket.readSocket) {
            guard let document = try? JSONDecoder().decode(StatusDocument.self, from: data) else {
                Console.error("unexpected status from the daemon at \(socket.readSocket)")
                throw ExitCode.failure
            }
            print(document, data: data)
            return
        }
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
        print(document, data: data)
    }

    private func print(_ document: StatusDocument, data: Data) {
        if json {
            Console.out(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines))
        } else {
            for line in StatusTable(document: document).lines { Console.out(line) }
        }
    }

    /// The status document from the daemon's socket; `nil` when no daemon answers there.
    static func fromSocket(_ path: String) async -> Data? {
        guard FileManager.default.fileExists(atPath: path),
              let answer = try? await ControlClient(socketPath: path, timeout: .seconds(10)).request("GET", "/v1/status"),
              answer.status == 200 else { return nil }
        return Data(answer.body)
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
