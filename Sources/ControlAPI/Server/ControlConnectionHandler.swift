#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOHTTP1

/// Serves the requests of one connection, one at a time, on its channel's event loop.
///
/// NIO's pipelining handler, in front of this one, holds back a pipelined request until the
/// previous answer has ended. The request's head and body must arrive within the request
/// timeout (``ControlConnectionHandler+Deadline``); the daemon's answer is computed off the
/// loop and written back on it.
final class ControlConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    enum State {
        /// Waiting for a request head.
        case idle
        /// A head arrived; collecting its body.
        case receiving(HTTPRequestHead, [UInt8])
        /// The daemon is working on an answer.
        case answering
        /// An answer that ends the connection has been written.
        case closing
    }

    let settings: ConnectionSettings
    let peerUID: uid_t?
    var state = State.idle
    /// How many answers this connection has had, so a timeout knows whether a 408 is owed.
    var answered = 0
    var deadline: Scheduled<Void>?
    var isActive = true

    init(settings: ConnectionSettings, peerUID: uid_t?) {
        self.settings = settings
        self.peerUID = peerUID
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { armDeadline(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        armDeadline(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        isActive = false
        cancelDeadline()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard case .idle = state else { return }
            // Refuse a declared oversize body before a byte of it is read.
            if let length = head.headers.first(name: "content-length").flatMap({ Int($0) }), length > settings.maxBodyBytes {
                answerAndClose(bodyTooLarge, context: context)
                return
            }
            state = .receiving(head, [])
        case .body(var buffer):
            guard case .receiving(let head, var body) = state else { return }
            // A chunked body has no declared length: stop as soon as it passes the cap.
            guard body.count + buffer.readableBytes <= settings.maxBodyBytes else {
                answerAndClose(bodyTooLarge, context: context)
                return
            }
            state = .answering  // drop the array's second reference before appending
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
            state = .receiving(head, body)
        case .end:
            guard case .receiving(let head, let body) = state else { return }
            cancelDeadline()
            state = .answering
            serve(head, body: body, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            // I/O errors (a client that reset) are the client's business, not the daemon's.
            settings.logger.debug("control connection error", metadata: ["error": "\(error)"])
            context.close(promise: nil)
            return
        }
        switch state {
        case .idle, .receiving:
            let response: ControlResponse =
                parserError == .headerOverflow
                ? .error(431, "the request head is too large")
                : .error(400, "malformed HTTP request (\(parserError))")
            answerAndClose(response, context: context)
        case .answering, .closing:
            context.close(promise: nil)
        }
    }

    private var bodyTooLarge: ControlResponse {
        .error(413, "the request body is larger than \(settings.maxBodyBytes) bytes")
    }

    /// Routes a complete request, checks access and asks the daemon, off the event loop.
    private func serve(_ head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
        let keepAlive = head.isKeepAlive
        let route: ControlRoute
        do throws(ControlRequestError) {
            let endpoint = try ControlRouter.match(method: head.method.rawValue, target: head.uri)
            guard settings.access.allows(changesState: endpoint.changesState, peerUID: peerUID) else {
                answer(.error(403, AccessPolicy.refusal), keepAlive: keepAlive, context: context)
                return
            }
            route = try endpoint.route(body: body)
        } catch {
            answer(error.response, keepAlive: keepAlive, context: context)
            return
        }
        let routes = settings.routes
        context.eventLoop.makeFutureWithTask {
            await route.answer(from: routes)
        }.assumeIsolated().whenSuccess { response in
            self.answer(response, keepAlive: keepAlive, context: context)
        }
    }
}
