import NIOCore

/// The only handler of a connection the server will not serve (over the cap, or arriving
/// during shutdown): answers at once and closes, without parsing anything, so refusing costs
/// a few syscalls and no per-connection state.
final class RefusalResponder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// The answer to a connection over the cap.
    static let overCapacity = ControlResponse.error(429, "too many connections to the control socket; retry in a moment")
    /// The answer to a connection arriving while the server shuts down.
    static let shuttingDown = ControlResponse.error(503, "the daemon is shutting down")

    private let response: ControlResponse
    private var answered = false

    init(_ response: ControlResponse) {
        self.response = response
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { answer(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        answer(context: context)
        context.fireChannelActive()
    }

    /// Whatever the client sends is dropped: it gets the refusal either way.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func answer(context: ChannelHandlerContext) {
        guard !answered else { return }
        answered = true
        RawResponse.answerAndClose(response, context: context)
    }
}
