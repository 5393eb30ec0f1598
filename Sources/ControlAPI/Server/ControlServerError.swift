#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the control server could not start listening.
public enum ControlServerError: Error, Equatable, CustomStringConvertible {
    /// Something other than a socket is at the socket's path; it is left alone.
    case notASocket(path: String)
    /// Another process listens on the socket at the path; it is left alone.
    case inUse(path: String)
    /// A stale socket file at the path could not be removed.
    case cannotRemoveStaleSocket(path: String, errno: Int32)
    /// The new socket file's permissions could not be set.
    case cannotSetMode(path: String, errno: Int32)
    /// The server was given no listener at all.
    case noListeners

    /// A sentence for the log and the command line.
    public var description: String {
        switch self {
        case .notASocket(let path):
            "\(path) exists and is not a socket; refusing to replace it"
        case .inUse(let path):
            "another process already listens on \(path)"
        case .cannotRemoveStaleSocket(let path, let code):
            "cannot remove the stale socket \(path): \(String(cString: strerror(code)))"
        case .cannotSetMode(let path, let code):
            "cannot set the permissions of \(path): \(String(cString: strerror(code)))"
        case .noListeners:
            "the control server needs at least one listener"
        }
    }
}
