import ControlAPI
import Foundation
import PresenceCore
import PresenceDaemon

/// Where `status` reads the running daemon's status document: its control socket first, else
/// the status file (always the file when `--status-file` names one). One read per one-shot
/// `status`, one per refresh of `status --watch`.
struct StatusSource {
    /// The control socket to ask first.
    let socketPath: String
    /// The status file named on the command line, if any.
    let statusFile: String?

    /// A status document and the bytes it was decoded from (`--json` prints the bytes).
    struct Reading {
        let document: StatusDocument
        let data: Data
    }

    /// Why no status could be read, as the line to show (`agent-presenced is not running: …`).
    struct Unavailable: Error {
        let message: String
    }

    /// The daemon's status, or the reason there is none.
    func read() async -> Result<Reading, Unavailable> {
        if statusFile == nil, let data = await Self.fromSocket(socketPath) {
            guard let document = try? JSONDecoder().decode(StatusDocument.self, from: data) else {
                return .failure(Unavailable(message: "unexpected status from the daemon at \(socketPath)"))
            }
            return .success(Reading(document: document, data: data))
        }
        let path = statusFile ?? ConfigPaths.statusFilePath(configured: nil, configFolder: "/", environment: ProcessInfo.processInfo.environment)
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Unavailable(message: "agent-presenced is not running: no status file at \(path)"))
        }
        let document: StatusDocument
        do {
            document = try JSONDecoder().decode(StatusDocument.self, from: data)
        } catch {
            return .failure(Unavailable(message: "cannot read the status file \(path): \(error)"))
        }
        guard Self.isRunning(document, statusPath: path) else {
            return .failure(Unavailable(message: "agent-presenced is not running: the status file \(path) is from process \(document.pid), which has exited or no longer holds its lock (last updated \(document.updatedAt))"))
        }
        return .success(Reading(document: document, data: data))
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
