import NIOCore

extension StandInHTTPHandler {
    /// Serves `PUT /_standin/broker-fault` (``BrokerFaultControl``): switches the fault, then
    /// answers. Such requests are not Brevo's, so they are neither recorded nor logged.
    func serveBrokerFaultControl(method: String, body: [UInt8], keepAlive: Bool, context: ChannelHandlerContext) {
        let control = brokerFaultControl
        let applied = context.eventLoop.makeFutureWithTask { await control.apply(method: method, body: body) }
        applied.assumeIsolated().whenSuccess { result in
            guard self.isActive else { return }
            let text = result.message.isEmpty ? [] : Array((result.message + "\n").utf8)
            let reply = StandInReply(
                action: .answer, status: result.status, headers: [("content-type", "text/plain; charset=utf-8")], body: text,
                delay: .zero, trickle: nil, closeAfter: false
            )
            self.answer(reply, keepAlive: keepAlive, context: context)
        }
    }
}
