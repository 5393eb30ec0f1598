import NIOCore
import NIOHTTP1

/// Answers one connection's requests: `GET`/`HEAD /metrics` with the rendered series, 404 for
/// another path, 405 for another method, 413 (and close) for a request over the size limit.
final class MetricsHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let render: @Sendable () -> [UInt8]
    private var head: HTTPRequestHead?
    private var received = 0
    private var refused = false

    init(render: @escaping @Sendable () -> [UInt8]) {
        self.render = render
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            received = head.uri.utf8.count + head.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
            refused = false
        case .body(let body):
            received += body.readableBytes
        case .end:
            guard let head else { return }
            self.head = nil
            answer(head, context: context)
        }
        if received > MetricsServer.maximumRequestBytes, !refused {
            refused = true
            respond(context: context, status: .payloadTooLarge, body: "request too large\n", keepAlive: false)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent { context.close(promise: nil) } else { context.fireUserInboundEventTriggered(event) }
    }

    private func answer(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard !refused else { return }
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        let keepAlive = head.isKeepAlive
        guard path == "/metrics" else {
            return respond(context: context, status: .notFound, body: "only /metrics is served here\n", keepAlive: keepAlive)
        }
        guard head.method == .GET || head.method == .HEAD else {
            return respond(context: context, status: .methodNotAllowed, body: "GET or HEAD\n", keepAlive: keepAlive,
                           extra: [("Allow", "GET, HEAD")])
        }
        var buffer = context.channel.allocator.buffer(capacity: 0)
        buffer.writeBytes(render())
        var headers = HTTPHeaders([("Content-Type", "text/plain; version=0.0.4; charset=utf-8"), ("Content-Length", "\(buffer.readableBytes)")])
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
        if head.method == .GET { context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil) }
        finish(context: context, keepAlive: keepAlive)
    }

    private func respond(
        context: ChannelHandlerContext, status: HTTPResponseStatus, body text: String, keepAlive: Bool, extra: [(String, String)] = []
    ) {
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        var headers = HTTPHeaders([("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "\(buffer.readableBytes)")] + extra)
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        finish(context: context, keepAlive: keepAlive)
    }

    private func finish(context: ChannelHandlerContext, keepAlive: Bool) {
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
