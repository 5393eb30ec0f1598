#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One socket the control server accepts connections on, and who may change state through it.
public struct ControlListener: Sendable, Equatable {
    /// Where the listening socket comes from.
    public enum Source: Sendable, Equatable {
        /// A socket file the server creates at `path` (replacing a stale socket, never any
        /// other kind of file) with permissions `mode`, and removes again on shutdown.
        case path(String, mode: mode_t)
        /// An already bound and listening stream socket, e.g. inherited from systemd socket
        /// activation. The server owns the descriptor from then on (it closes it) but never
        /// unlinks its file: the unit that made it keeps it.
        case inheritedDescriptor(CInt)
    }

    /// Where the listening socket comes from.
    public var source: Source
    /// Who may change state through this socket.
    public var access: AccessPolicy

    /// A listener on `source` with `access`.
    public init(source: Source, access: AccessPolicy) {
        self.source = source
        self.access = access
    }

    /// A socket file the server creates at `path` with permissions `mode`.
    public static func socketFile(_ path: String, mode: mode_t, access: AccessPolicy) -> ControlListener {
        ControlListener(source: .path(path, mode: mode), access: access)
    }

    /// An inherited, already listening socket descriptor (systemd's `LISTEN_FDS`).
    public static func inherited(descriptor: CInt, access: AccessPolicy) -> ControlListener {
        ControlListener(source: .inheritedDescriptor(descriptor), access: access)
    }
}
