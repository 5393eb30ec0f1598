import NIOCore
import NIOHTTP1

extension ControlConnectionHandler {
    /// Writes `response` as the answer to the current request; keeps the connection for the
    /// next request or closes it when the client asked for that.
    func answer(_ response: ControlResponse, keepAlive: Bool, context: ChannelHandlerContext) {
        guard isActive else { return }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        for field in response.headers {
            headers.add(name: field.name, value: field.value)
        }
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        answered += 1
        // Become idle before `.end` is written: the pipelining handler delivers a held-back
        // request from inside that write, and it must find this handler ready for it.
        if keepAlive {
            state = .idle
            armDeadline(context: context)
        } else {
            state = .closing
        }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// Answers with `response` and ends the connection, whatever state HTTP parsing is in.
    ///
    /// The bytes are written from the response encoder's context, so they go to the socket
    /// as they are, past the HTTP handlers: the pipelining handler allows no answer before a
    /// request head, and the rest of a request (an oversized body) is never read.
    func answerAndClose(_ response: ControlResponse, context: ChannelHandlerContext) {
        state = .closing
        cancelDeadline()
        guard isActive else { return }
        answered += 1
        guard let encoder = try? context.pipeline.syncOperations.context(handlerType: HTTPResponseEncoder.self) else {
            context.close(promise: nil)
            return
        }
        RawResponse.answerAndClose(response, context: encoder)
    }
}
