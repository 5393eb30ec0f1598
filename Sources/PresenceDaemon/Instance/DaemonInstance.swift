import Foundation
import PresenceCore
#if canImport(Glibc)
import Glibc
#endif

/// The running daemon's claim on its config and its status file: the two locks of
/// ``InstancePaths``, held from start to exit.
///
/// Confined to the scheduler's loop after start, like the runtime that owns it.
public final class DaemonInstance: @unchecked Sendable {
    private let pidFile: LockFile
    private var statusLock: LockFile?
    /// What the lock files say about this daemon.
    public private(set) var record: DaemonRecord
    /// The pid file's path.
    public var pidFilePath: String { pidFile.path }

    private init(pidFile: LockFile, statusLock: LockFile?, record: DaemonRecord) {
        self.pidFile = pidFile
        self.statusLock = statusLock
        self.record = record
    }

    /// Claims `configPath` and `statusPath` for this process, or names the daemon that has.
    ///
    /// The status lock is skipped when the status file's folder cannot hold it (read-only):
    /// nothing is written there then either, and the pings must go on.
    public static func acquire(
        configPath: String, statusPath: String, environment: [String: String]
    ) throws(InstanceConflict) -> DaemonInstance {
        let record = DaemonRecord(pid: getpid(), config: InstancePaths.canonical(configPath),
                                  statusFile: statusPath, startedAt: RFC3339.string(from: Date()))
        let folder = InstancePaths.runtimeFolder(environment: environment)
        try makeFolder(folder)
        let pidPath = InstancePaths.pidFile(forConfig: configPath, environment: environment)
        let pidFile = try take(pidPath, what: "config", record: record)
        do {
            let statusLock = try takeStatusLock(for: statusPath, record: record)
            return DaemonInstance(pidFile: pidFile, statusLock: statusLock, record: record)
        } catch {
            pidFile.release()
            throw error
        }
    }

    /// Moves the claim to a new status file (a reload changed `status_file`): takes the new
    /// lock first and lets the old one go only once it holds the new one.
    public func moveStatus(to newPath: String) throws(InstanceConflict) {
        var moved = record
        moved.statusFile = newPath
        let newLock = try Self.takeStatusLock(for: newPath, record: moved)
        statusLock?.release()
        statusLock = newLock
        record = moved
        try? pidFile.write(moved)
    }

    /// Lets both locks go and removes their files (a clean stop).
    public func release() {
        statusLock?.release()
        statusLock = nil
        pidFile.release()
    }

    private static func takeStatusLock(for statusPath: String, record: DaemonRecord) throws(InstanceConflict) -> LockFile? {
        AtomicFile.prepareFolder(of: statusPath)
        do {
            return try take(InstancePaths.statusLock(forStatusFile: statusPath), what: "status file", record: record)
        } catch .unusable(let error) where [EACCES, EROFS, ENOENT, EPERM].contains(error.errno) {
            return nil
        }
    }

    private static func take(_ path: String, what: String, record: DaemonRecord) throws(InstanceConflict) -> LockFile {
        let outcome: LockFile.Acquisition
        do {
            outcome = try LockFile.acquire(path, writing: record)
        } catch {
            throw .unusable(error)
        }
        switch outcome {
        case .acquired(let lock): return lock
        case .held(let holder): throw .alreadyRunning(lock: path, what: what, holder: holder)
        }
    }

    private static func makeFolder(_ folder: String) throws(InstanceConflict) {
        var info = stat()
        if lstat(folder, &info) == 0 {
            // Under /tmp a folder someone else made could be a trap: use only our own.
            guard info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid() || getuid() == 0 else {
                throw .unusable(LockFileError(path: folder, step: "use the runtime folder", errno: EPERM))
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            throw .unusable(LockFileError(path: folder, step: "create the runtime folder", errno: EACCES))
        }
    }
}
