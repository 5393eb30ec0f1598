import Foundation
import NIOCore
import NIOHTTP1

/// Reads one request at a time from a connection of the Broker stand-in and writes its
/// engine's answer, after the answer's delay.
///
/// Lives on its channel's event loop; NIO's pipelining handler holds back the next request
/// until this one's answer has ended.
final class BrokerHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Bodies above this are answered 413; a probe's bodies are tiny.
    static let maximumBodyBytes = 64 * 1024

    private let engine: BrokerEngine
    private let connection: Int
    private var reader = RequestReader(limit: BrokerHTTPHandler.maximumBodyBytes)
    private var isActive = true

    init(engine: BrokerEngine, connection: Int) {
        self.engine = engine
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let read = reader.read(unwrapInboundIn(data)) else { return }
        let head = read.head
        let bodyTooLarge = read.bodyTooLarge
        let request = BrokerIncomingRequest(
            connection: connection, method: head.method.rawValue, path: read.path,
            query: read.query, headers: head.headers, body: read.body, bodyTooLarge: bodyTooLarge,
            receivedAt: read.receivedAt, monotonicNanoseconds: read.monotonicNanoseconds
        )
        let reply = engine.reply(to: request)
        let keepAlive = head.isKeepAlive && !bodyTooLarge
        guard reply.delay > .zero else { return answer(reply, keepAlive: keepAlive, context: context) }
        context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(StandInHTTPHandler.nanoseconds(reply.delay))) {
            self.answer(reply, keepAlive: keepAlive, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        isActive = false
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func answer(_ reply: BrokerReply, keepAlive: Bool, context: ChannelHandlerContext) {
        guard isActive else { return }
        var headers = HTTPHeaders(reply.headers)
        headers.replaceOrAdd(name: "content-length", value: String(reply.body.count))
        headers.replaceOrAdd(name: "connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !reply.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: reply.body)))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }
}
