import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the running daemon that serves a config, proving it before anyone signals it.
///
/// The proof is the pid file of ``InstancePaths``: a live process holds its `flock` (a stale
/// file of a dead daemon is held by nobody, and a status file's `pid` proves nothing), its
/// record names this config, and the process is an `agent-presenced` binary. Under systemd,
/// `$MAINPID` must be that same process.
public enum DaemonLookup {
    /// Why no daemon may be signalled.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// One line for the operator.
        public var description: String
    }

    /// A daemon found and proven: its record and the pid file that holds it.
    public struct Found: Sendable {
        /// What the daemon wrote into its pid file when it was found.
        public var record: DaemonRecord
        /// Its pid file.
        public var pidFile: String

        /// The status file it writes now: a reload may have moved it since it was found.
        public func currentStatusFile() -> String {
            guard case .process(let now?) = LockFile.holder(of: pidFile), now.pid == record.pid else { return record.statusFile }
            return now.statusFile
        }
    }

    /// The daemon serving `configPath`.
    public static func daemon(
        serving configPath: String, environment: [String: String]
    ) throws(Failure) -> Found {
        let pidFile = InstancePaths.pidFile(forConfig: configPath, environment: environment)
        let config = InstancePaths.canonical(configPath)
        guard case .process(let holder) = LockFile.holder(of: pidFile) else {
            throw Failure(description: "agent-presenced is not running for \(config): no live daemon holds \(pidFile)")
        }
        guard let record = holder else {
            throw Failure(description: "a process holds \(pidFile) but its record cannot be read; not signalling it")
        }
        guard record.config == config else {
            throw Failure(description: "\(pidFile) belongs to a daemon for \(record.config), not \(config); not signalling pid \(record.pid)")
        }
        if let problem = notOurDaemon(record.pid) {
            throw Failure(description: "pid \(record.pid) in \(pidFile) \(problem); not signalling it")
        }
        if let main = environment["MAINPID"].flatMap(Int32.init), main != record.pid {
            throw Failure(description: "systemd's main process \(main) is not the daemon holding \(pidFile) (pid \(record.pid)); not signalling either")
        }
        return Found(record: record, pidFile: pidFile)
    }

    /// Why `pid` is not a live `agent-presenced`, or `nil` when it is (or cannot be told, as
    /// under `ProtectProc=`, where the lock is proof enough).
    static func notOurDaemon(_ pid: Int32) -> String? {
        guard isAlive(pid: pid) else { return "is not running" }
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe") else { return nil }
        let name = (target.replacingOccurrences(of: " (deleted)", with: "") as NSString).lastPathComponent
        return name.hasPrefix("agent-presenced") ? nil : "is \(name), not agent-presenced"
    }

    /// Whether a process with `pid` exists (EPERM means it does, owned by someone else).
    public static func isAlive(pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
