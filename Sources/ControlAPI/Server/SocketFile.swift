#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A socket file the server made, known by device and inode so that shutdown removes this
/// file only, not one a newer daemon has put at the same path since.
struct SocketFile: Sendable, Equatable {
    let path: String
    let device: UInt64
    let inode: UInt64

    /// Removes a socket left at `path` by a daemon that did not shut down cleanly.
    ///
    /// Only a socket is removed: a regular file (or anything else) at the path is more likely
    /// a misconfigured path than ours, and deleting it could lose data.
    static func removeStale(at path: String) throws(ControlServerError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // nothing there: nothing to remove
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: path) }
        // A socket someone still listens on is another daemon's (two sharing a runtime folder):
        // taking it over would cut that daemon off from its own clients.
        if isListening(path) { throw .inUse(path: path) }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .cannotRemoveStaleSocket(path: path, errno: errno)
        }
    }

    /// Whether a process accepts connections on the socket at `path`.
    static func isListening(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let fits = withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            let bytes = Array(path.utf8)
            guard bytes.count < buffer.count else { return false }
            buffer.copyBytes(from: bytes)
            return true
        }
        guard fits else { return false }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
    }

    /// Sets the mode of the socket just bound at `path` and remembers which file it is.
    ///
    /// `bind` applies the process umask; `chmod` afterwards gives the exact mode asked for
    /// (the daemon runs with a strict umask but wants a world-connectable read socket).
    static func adopt(path: String, mode: mode_t) throws(ControlServerError) -> SocketFile {
        guard chmod(path, mode) == 0 else { throw .cannotSetMode(path: path, errno: errno) }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .cannotSetMode(path: path, errno: errno) }
        return SocketFile(path: path, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Unlinks the file if it is still this one.
    func remove() {
        var info = stat()
        guard lstat(path, &info) == 0, UInt64(info.st_dev) == device, UInt64(info.st_ino) == inode else { return }
        unlink(path)
    }
}
