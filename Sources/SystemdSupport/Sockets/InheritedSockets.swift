import CSystemd
#if canImport(Glibc)
import Glibc
#endif

/// Listening sockets systemd passed to this process (`LISTEN_FDS`, from a `.socket` unit),
/// with the names their units gave them (`FileDescriptorName=`, the unit's name by default).
public enum InheritedSockets {
    /// One inherited socket.
    public struct Socket: Hashable, Sendable {
        /// The file descriptor (3 and up).
        public var fd: Int32
        /// Its name, e.g. `agent-presenced-admin.socket`.
        public var name: String
    }

    /// Takes the sockets passed to this process and clears `LISTEN_*` from the environment, so
    /// a child process never believes they are its own. Empty outside socket activation.
    public static func take() -> [Socket] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = sd_listen_fds_with_names(1, &names)
        guard count > 0 else { return [] }
        defer {
            if let names {
                for index in 0..<Int(count) { free(names[index]) }
                free(names)
            }
        }
        return (0..<count).map { index in
            let name = names?[Int(index)].map { String(cString: $0) } ?? "unknown"
            return Socket(fd: SD_LISTEN_FDS_START + index, name: name)
        }
    }
}
