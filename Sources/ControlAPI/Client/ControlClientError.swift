#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a request to the control socket got no answer.
///
/// The cases the command line must tell apart are separate: no daemon (it may fall back to
/// the status file) and no permission (the caller must use sudo or be in the admin group).
public enum ControlClientError: Error, Equatable, CustomStringConvertible {
    /// Nothing listens at the path: no socket file, or a stale one (ENOENT, ECONNREFUSED).
    case noDaemon(path: String)
    /// The caller may not connect: the socket or a folder above it refuses them (EACCES).
    case permissionDenied(path: String)
    /// The path does not fit a Unix socket address (108 bytes on Linux).
    case pathTooLong(path: String)
    /// Connecting failed for another reason, named.
    case connectionFailed(path: String, reason: String)
    /// The daemon did not answer within the client's timeout.
    case timedOut(path: String)
    /// The connection ended before a whole answer arrived, or the answer was not HTTP.
    case badResponse(path: String, reason: String)

    /// A sentence for the command line.
    public var description: String {
        switch self {
        case .noDaemon(let path): "no daemon listening at \(path)"
        case .permissionDenied(let path): "permission denied on \(path)"
        case .pathTooLong(let path): "socket path too long: \(path)"
        case .connectionFailed(let path, let reason): "cannot connect to \(path): \(reason)"
        case .timedOut(let path): "no answer from the daemon at \(path) in time"
        case .badResponse(let path, let reason): "bad answer from the daemon at \(path): \(reason)"
        }
    }

    /// The error for a failed `connect()` with `errno` `code`.
    static func connecting(to path: String, errno code: CInt) -> ControlClientError {
        switch code {
        case ENOENT, ECONNREFUSED, ENOTDIR: .noDaemon(path: path)
        case EACCES, EPERM: .permissionDenied(path: path)
        default: .connectionFailed(path: path, reason: String(cString: strerror(code)))
        }
    }
}
