import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real `NOTIFY_SOCKET`: an AF_UNIX datagram socket the bench binds, read on its own thread
/// so each datagram is timestamped when it arrives.
final class NotifyListener: @unchecked Sendable {
    /// One datagram and when it arrived (monotonic seconds).
    struct Message: Sendable {
        var text: String
        var at: Double
    }

    /// The socket's path, for `NOTIFY_SOCKET`.
    let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var messages: [Message] = []
    private var stopped = false
    private var thread: Thread?

    /// Binds the socket in `folder` and starts reading.
    init(folder: String) throws {
        path = folder + "/notify.sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("cannot create the notify socket") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            _ = Glibc.close(fd)
            throw BenchError("notify socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            _ = Glibc.close(fd)
            throw BenchError("cannot bind the notify socket \(path)")
        }
        let thread = Thread { [self] in readLoop() }
        thread.name = "notify-listener"
        self.thread = thread
        thread.start()
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !(lock.withLock { stopped }) {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            let at = MonotonicSeconds.now()
            guard count > 0 else { continue }
            let text = String(decoding: buffer[0..<count], as: UTF8.self)
            lock.withLock { messages.append(Message(text: text, at: at)) }
        }
    }

    /// Every datagram so far.
    var received: [Message] { lock.withLock { messages } }

    /// Waits (bounded) for a datagram after index `from` holding `line` (e.g. `READY=1`).
    func waitFor(_ line: String, after from: Int = 0, timeout: Double) -> Message? {
        let deadline = MonotonicSeconds.now() + timeout
        while MonotonicSeconds.now() < deadline {
            let all = received
            if from < all.count, let hit = all[from...].first(where: { $0.text.split(separator: "\n").contains(Substring(line)) }) {
                return hit
            }
            usleep(5_000)
        }
        return nil
    }

    /// Stops reading, closes and removes the socket.
    func close() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        usleep(60_000)
        _ = Glibc.close(fd)
        unlink(path)
    }

    deinit { close() }
}

/// A bench failure with a message.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
