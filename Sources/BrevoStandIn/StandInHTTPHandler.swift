import Foundation
import NIOCore
import NIOHTTP1

/// Reads one request at a time from a connection and carries out the engine's reply.
///
/// Lives on its channel's event loop. NIO's pipelining handler holds back the next request
/// until this one's answer has ended, so a hung request also blocks its connection, as it would
/// at a real server.
final class StandInHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Bodies above this are answered 413; Brevo's ping bodies are tiny.
    static let maximumBodyBytes = 64 * 1024

    private let engine: StandInEngine
    let brokerFaultControl: BrokerFaultControl
    private let connection: Int
    private var reader = RequestReader(limit: StandInHTTPHandler.maximumBodyBytes)
    var isActive = true

    init(engine: StandInEngine, brokerFaultControl: BrokerFaultControl, connection: Int) {
        self.engine = engine
        self.brokerFaultControl = brokerFaultControl
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let read = reader.read(unwrapInboundIn(data)) else { return }
        let head = read.head
        if read.path == BrokerFaultControl.path {
            return serveBrokerFaultControl(method: head.method.rawValue, body: read.body, keepAlive: head.isKeepAlive, context: context)
        }
        let request = IncomingRequest(
            connection: connection,
            method: head.method.rawValue,
            path: read.path,
            apiKey: head.headers.first(name: "api-key"),
            contentType: head.headers.first(name: "content-type"),
            userAgent: head.headers.first(name: "user-agent"),
            body: read.body,
            bodyTooLarge: read.bodyTooLarge,
            receivedAt: read.receivedAt,
            monotonicNanoseconds: read.monotonicNanoseconds
        )
        let reply = engine.reply(to: request)
        carryOut(reply, keepAlive: head.isKeepAlive && !reply.closeAfter, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        isActive = false
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    /// Waits the reply's delay, then answers, hangs, closes or resets.
    private func carryOut(_ reply: StandInReply, keepAlive: Bool, context: ChannelHandlerContext) {
        guard reply.delay > .zero else {
            act(reply, keepAlive: keepAlive, context: context)
            return
        }
        context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(Self.nanoseconds(reply.delay))) {
            self.act(reply, keepAlive: keepAlive, context: context)
        }
    }

    private func act(_ reply: StandInReply, keepAlive: Bool, context: ChannelHandlerContext) {
        guard isActive else { return }
        switch reply.action {
        case .hang:
            return
        case .close:
            context.close(promise: nil)
        case .reset:
            resetConnection(context: context)
        case .answer:
            answer(reply, keepAlive: keepAlive, context: context)
        }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
