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

    /// The record of the daemon serving `configPath`.
    public static func daemon(
        serving configPath: String, environment: [String: String]
    ) throws(Failure) -> DaemonRecord {
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
        return record
    }

    /// Why `pid` is not a live `agent-presenced`, or `nil` when it is (or cannot be told, as
    /// under `ProtectProc=`, where the lock is proof enough).
    static func notOurDaemon(_ pid: Int32) -> String? {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return "is not running" }
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe") else { return nil }
        let name = (target.replacingOccurrences(of: " (deleted)", with: "") as NSString).lastPathComponent
        return name.hasPrefix("agent-presenced") ? nil : "is \(name), not agent-presenced"
    }
}
