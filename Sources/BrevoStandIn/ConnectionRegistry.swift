import NIOCore
import Synchronization

/// The stand-in's open connections, so shutdown can close hung ones too.
final class ConnectionRegistry: Sendable {
    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])
    private let accepted = Mutex(0)

    /// Tracks `channel` until it closes; returns its number, counting from 1.
    func add(_ channel: any Channel) -> Int {
        let id = ObjectIdentifier(channel)
        channels.withLock { $0[id] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.channels.withLock { _ = $0.removeValue(forKey: id) }
        }
        return accepted.withLock { count in
            count += 1
            return count
        }
    }

    /// How many connections were accepted so far.
    var acceptedCount: Int { accepted.withLock { $0 } }

    /// Closes every open connection and waits for them to close.
    func closeAll() async {
        let open = channels.withLock { Array($0.values) }
        for channel in open {
            try? await channel.close()
        }
    }
}
