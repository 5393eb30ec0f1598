#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOHTTP1

extension StandInHTTPHandler {
    /// Writes the answer, all at once or trickled.
    func answer(_ reply: StandInReply, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(reply.headers)
        if reply.status != 204, reply.status != 304, reply.status >= 200 {
            headers.replaceOrAdd(name: "content-length", value: String(reply.body.count))
        }
        headers.replaceOrAdd(name: "connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let trickle = reply.trickle, !reply.body.isEmpty {
            context.flush()
            trickleBody(reply.body[...], rule: trickle, keepAlive: keepAlive, context: context)
            return
        }
        if !reply.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: reply.body)))), promise: nil)
        }
        finish(keepAlive: keepAlive, context: context)
    }

    /// Sends `rest` a chunk at a time, each after the rule's pause.
    private func trickleBody(_ rest: ArraySlice<UInt8>, rule: FaultPlan.Trickle, keepAlive: Bool, context: ChannelHandlerContext) {
        guard isActive else { return }
        guard !rest.isEmpty else {
            finish(keepAlive: keepAlive, context: context)
            return
        }
        let chunk = rest.prefix(max(1, rule.chunkSize))
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: chunk)))), promise: nil)
        let remaining = rest.dropFirst(chunk.count)
        context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(Self.nanoseconds(rule.interval))) {
            self.trickleBody(remaining, rule: rule, keepAlive: keepAlive, context: context)
        }
    }

    private func finish(keepAlive: Bool, context: ChannelHandlerContext) {
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// Closes with SO_LINGER 0, so the peer sees a TCP reset instead of a clean close.
    func resetConnection(context: ChannelHandlerContext) {
        guard let provider = context.channel as? any SocketOptionProvider else {
            context.close(promise: nil)
            return
        }
        provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
