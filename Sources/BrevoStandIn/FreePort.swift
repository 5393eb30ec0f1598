#if canImport(Glibc)
import Glibc
#endif

/// A TCP port on 127.0.0.1 that was free a moment ago, for servers that cannot pick their own
/// and tell it: the demo's metrics, and the tests' tinyproxy, Prometheus and PostgreSQL.
public enum FreePort {
    /// Binds port 0 on 127.0.0.1, reads the port the kernel chose and closes the socket.
    public static func next() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FreePortError(errno: errno) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw FreePortError(errno: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The socket call that should have found a free port failed.
public struct FreePortError: Error, CustomStringConvertible {
    /// The `errno` it failed with.
    public let errno: Int32
    /// `no free port (errno N)`.
    public var description: String { "no free port (errno \(errno))" }
}
