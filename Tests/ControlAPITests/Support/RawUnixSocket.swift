#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A deliberately plain client over a blocking Unix socket, to send what the real client
/// never would (half heads, garbage, oversized bodies) and see exactly how the server ends.
///
/// Blocking calls run on Dispatch threads (``offPool(_:)``), never on Swift's cooperative
/// pool: on a 2-core machine two blocked test threads would starve the server's handlers.
final class RawUnixSocket: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What came back: the bytes, and whether the server closed (EOF or reset) rather than
    /// the read timing out.
    struct Received: Sendable {
        var bytes: [UInt8]
        var closed: Bool
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    let fd: CInt

    /// Connects to `path`; reads give up after `timeout` seconds.
    init(path: String, timeout: Int = 10) throws {
        // The descriptor is stored only once connected, so a failed init never leaves one
        // for `deinit` to close a second time.
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let result = UnixAddress.withAddress(path) { connect(fd, $0, $1) }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw Failure(description: "connect \(path): errno \(code)")
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Sends all of `bytes`; false if the server had closed (EPIPE, no SIGPIPE).
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Reads until the server closes or the read timeout passes.
    func receiveAll() -> Received {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                bytes += buffer[0..<n]
            } else if n == 0 || errno == ECONNRESET {
                return Received(bytes: bytes, closed: true)
            } else if errno != EINTR {
                return Received(bytes: bytes, closed: false)
            }
        }
    }
}

/// Builds a `sockaddr_un` for a path.
enum UnixAddress {
    static func withAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}

/// Runs blocking work on a Dispatch thread and awaits its result.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try work() })
        }
    }
}
