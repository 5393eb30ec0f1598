import NIOCore
import Synchronization

/// The server's open connections, capped, so a flood of clients cannot take the daemon's
/// file descriptors and memory from its pings, and shutdown can close idle ones too.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var isClosing = false
        /// Whether the cap was hit since it was last logged, so a flood logs once, not per refusal.
        var isOverCapacity = false
        /// How many connections were refused over the cap since the server started.
        var refused = 0
    }

    private let state = Mutex(State())
    /// The most connections served at once.
    let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// How many connections are open and being served.
    var count: Int { state.withLock { $0.channels.count } }

    /// How many connections were refused over the cap since the server started.
    var refused: Int { state.withLock { $0.refused } }

    /// The outcome of ``admit(_:)``.
    enum Admission {
        /// Tracked until it closes.
        case admitted
        /// Over the cap; `firstOfEpisode` is true for the first refusal since the last admission.
        case refused(firstOfEpisode: Bool)
        /// The server is shutting down.
        case closing
    }

    /// Tracks `channel` until it closes, unless the cap is reached or the server is closing.
    func admit(_ channel: any Channel) -> Admission {
        let id = ObjectIdentifier(channel)
        let admission: Admission = state.withLock { state in
            if state.isClosing { return .closing }
            guard state.channels.count < limit else {
                defer { state.isOverCapacity = true }
                state.refused += 1
                return .refused(firstOfEpisode: !state.isOverCapacity)
            }
            state.isOverCapacity = false
            state.channels[id] = channel
            return .admitted
        }
        if case .admitted = admission {
            channel.closeFuture.whenComplete { [weak self] _ in
                self?.state.withLock { _ = $0.channels.removeValue(forKey: id) }
            }
        }
        return admission
    }

    /// Refuses new connections from now on, closes every open one and waits for them.
    func closeAll() async {
        let open = state.withLock { state in
            state.isClosing = true
            return Array(state.channels.values)
        }
        for channel in open {
            try? await channel.close()
        }
    }
}
