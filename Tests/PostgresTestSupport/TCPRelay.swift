import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on 127.0.0.1 in the test process, in front of a server, that can fail on demand:
/// ``cut()`` closes every connection and closes new ones at once, ``stall()`` keeps connections
/// open but drops the bytes both ways, ``heal()`` forwards again.
public final class TCPRelay: Sendable {
    /// What the relay does with connections.
    public enum Mode: Sendable {
        case forwarding, stalled, cut
    }

    /// The relay's port on 127.0.0.1.
    public let port: Int
    private let listener: any Channel
    private let control: RelayControl

    /// Starts relaying 127.0.0.1:`port` (chosen) to 127.0.0.1:`targetPort`.
    public init(targetPort: Int) async throws {
        let control = RelayControl()
        self.control = control
        listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { inbound in
                guard control.admit(inbound) else { return inbound.close() }
                let handler = RelayHandler(control: control)
                return inbound.eventLoop.makeCompletedFuture {
                    try inbound.pipeline.syncOperations.addHandler(handler)
                }.flatMap {
                    ClientBootstrap(group: inbound.eventLoop)
                        .channelInitializer { outbound in
                            guard control.admit(outbound) else { return outbound.close() }
                            return outbound.eventLoop.makeCompletedFuture {
                                try outbound.pipeline.syncOperations.addHandler(RelayHandler(control: control, peer: inbound))
                            }
                        }
                        .connect(host: "127.0.0.1", port: targetPort)
                        .flatMapThrowing { outbound in
                            try inbound.pipeline.syncOperations.handler(type: RelayHandler.self).connect(to: outbound)
                        }
                }.flatMapErrorThrowing { error in
                    inbound.close(promise: nil)
                    throw error
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = listener.localAddress?.port else { throw ThrowawayPostgresError("relay has no port") }
        self.port = port
    }

    /// Closes every relayed connection and closes new ones as they come.
    public func cut() { control.set(.cut) }
    /// Keeps connections open but forwards nothing (both ways).
    public func stall() { control.set(.stalled) }
    /// Forwards again (connections dropped while cut stay closed).
    public func heal() { control.set(.forwarding) }

    /// Stops listening and closes every connection.
    public func close() async {
        control.set(.cut)
        try? await listener.close()
    }
}

/// The relay's mode and open channels, shared by its handlers.
final class RelayControl: Sendable {
    private struct State {
        var mode = TCPRelay.Mode.forwarding
        var channels: [ObjectIdentifier: any Channel] = [:]
    }

    private let state = Mutex(State())

    /// The current mode.
    var mode: TCPRelay.Mode { state.withLock { $0.mode } }

    /// Registers `channel`; false (do not use it) while cut.
    func admit(_ channel: any Channel) -> Bool {
        state.withLock { state in
            guard state.mode != .cut else { return false }
            state.channels[ObjectIdentifier(channel)] = channel
            channel.closeFuture.whenComplete { [weak self] _ in
                _ = self?.state.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
            }
            return true
        }
    }

    /// Switches to `mode`; `.cut` closes every channel.
    func set(_ mode: TCPRelay.Mode) {
        let channels = state.withLock { state -> [any Channel] in
            state.mode = mode
            return mode == .cut ? Array(state.channels.values) : []
        }
        for channel in channels { channel.close(promise: nil) }
    }
}

/// Forwards what one side reads to its peer (both sides of a pair run on one event loop);
/// bytes read before the peer is connected wait for it.
final class RelayHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let control: RelayControl
    private var peer: (any Channel)?
    private var pending: [ByteBuffer] = []

    init(control: RelayControl, peer: (any Channel)? = nil) {
        self.control = control
        self.peer = peer
    }

    /// Sets the peer once it is connected and sends it what was read meanwhile.
    func connect(to peer: any Channel) {
        self.peer = peer
        for buffer in pending { forward(buffer) }
        pending = []
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        if peer == nil { pending.append(buffer) } else { forward(buffer) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        peer?.close(promise: nil)
        context.fireChannelInactive()
    }

    private func forward(_ buffer: ByteBuffer) {
        guard control.mode == .forwarding, let peer else { return }
        peer.writeAndFlush(buffer, promise: nil)
    }
}
