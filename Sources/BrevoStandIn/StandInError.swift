/// Why the stand-in could not start.
public enum StandInError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request log file could not be opened.
    case cannotOpenLog(path: String, errno: Int32)
    /// The listening socket reported no port.
    case noLocalPort

    /// A one-line description.
    public var description: String {
        switch self {
        case .cannotOpenLog(let path, let errno): "cannot open request log \(path) (errno \(errno))"
        case .noLocalPort: "the listening socket has no port"
        }
    }
}
