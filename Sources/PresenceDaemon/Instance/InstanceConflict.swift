/// Why a daemon cannot take its place: another one serves the same config or status file, or
/// its lock files cannot be made.
public enum InstanceConflict: Error, Hashable, Sendable, CustomStringConvertible {
    /// Another live daemon holds the lock at `lock`.
    case alreadyRunning(lock: String, what: String, holder: DaemonRecord?)
    /// The lock file could not be made or taken.
    case unusable(LockFileError)

    /// The conflict in one line, naming the running daemon when it is known.
    public var description: String {
        switch self {
        case let .alreadyRunning(lock, what, holder):
            let who = holder.map { "agent-presenced \($0.summary)" } ?? "another agent-presenced"
            return "\(who) already runs for this \(what) (it holds \(lock)); refusing to start a second daemon"
        case let .unusable(error):
            return "\(error)"
        }
    }
}
