import AsyncHTTPClient
import NIOCore

/// Opens an HTTP `CONNECT` tunnel through a forward proxy, before TLS: writes the request as
/// soon as it is in the pipeline of a connected channel, reads the proxy's answer head, and
/// reports once: success on 2xx (the handler then passes every byte on untouched), else
/// `HTTPClientError.proxyAuthenticationRequired` for 407 and `.invalidProxyResponse` for any
/// other answer, the errors AsyncHTTPClient gave, so that their messages stay the same.
///
/// Lives on its channel's event loop.
final class ProxyTunnel: ChannelInboundHandler {
    /// Bytes from the proxy.
    typealias InboundIn = ByteBuffer
    /// Bytes from the tunnel's far end, once it is up.
    typealias InboundOut = ByteBuffer
    /// The `CONNECT` request.
    typealias OutboundOut = ByteBuffer

    /// The most of an answer head read before the proxy is taken as broken.
    private static let maximumHeadBytes = 16 * 1024

    /// Where the tunnel stands.
    private enum State {
        /// `CONNECT` sent; the answer head so far.
        case connecting(ByteBuffer)
        /// Up: bytes pass through.
        case open
        /// Refused or broken; reported.
        case failed
    }

    /// The `CONNECT` request.
    private let request: ByteBuffer
    /// Where the tunnel stands.
    private var state = State.connecting(ByteBuffer())
    /// Told once whether the tunnel is up.
    private let onResult: (Result<Void, any Error>) -> Void

    /// A tunnel opened with `request` (see ``request(to:authorization:)``) that calls `onResult`
    /// once, on the event loop, when it is up or failed.
    init(request: ByteBuffer, onResult: @escaping (Result<Void, any Error>) -> Void) {
        self.request = request
        self.onResult = onResult
    }

    /// The `CONNECT` request for `authority` (`host:port`), with `Proxy-Authorization` when
    /// `authorization` is set: encoded once per pool.
    static func request(to authority: String, authorization: String?) -> ByteBuffer {
        var text = "CONNECT \(authority) HTTP/1.1\r\nHost: \(authority)\r\n"
        if let authorization { text += "Proxy-Authorization: \(authorization)\r\n" }
        return ByteBuffer(string: text + "\r\n")
    }

    /// Sends the request once the channel is connected.
    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { context.writeAndFlush(wrapOutboundOut(request), promise: nil) }
    }

    /// Reads the proxy's answer, then passes the tunnel's bytes on.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch state {
        case .open:
            context.fireChannelRead(data)
        case .failed:
            return
        case .connecting(var received):
            var bytes = unwrapInboundIn(data)
            received.writeBuffer(&bytes)
            guard let end = received.readableBytesView.firstRange(of: [13, 10, 13, 10]) else {
                if received.readableBytes > Self.maximumHeadBytes { fail(HTTPClientError.invalidProxyResponse, context: context) }
                else { state = .connecting(received) }
                return
            }
            let headEnd = end.upperBound
            let status = Self.status(of: received)
            guard let status, (200..<300).contains(status) else {
                fail(status == 407 ? HTTPClientError.proxyAuthenticationRequired : HTTPClientError.invalidProxyResponse,
                     context: context)
                return
            }
            state = .open
            received.moveReaderIndex(to: headEnd)
            onResult(.success(()))
            if received.readableBytes > 0 { context.fireChannelRead(wrapInboundOut(received)) }
        }
    }

    /// The proxy closed before it answered.
    func channelInactive(context: ChannelHandlerContext) {
        if case .connecting = state { fail(HTTPClientError.remoteConnectionClosed, context: context) }
        context.fireChannelInactive()
    }

    /// An error before the tunnel is up fails it; after, it belongs to the tunnel's users.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard case .open = state else {
            fail(error, context: context)
            return
        }
        context.fireErrorCaught(error)
    }

    /// Reports `error` once and closes the channel.
    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        guard case .connecting = state else { return }
        state = .failed
        onResult(.failure(error))
        context.close(promise: nil)
    }

    /// The status code of the answer head at the start of `head` (`HTTP/1.1 200 …`).
    private static func status(of head: ByteBuffer) -> Int? {
        let view = head.readableBytesView
        guard let space = view.firstIndex(of: UInt8(ascii: " ")) else { return nil }
        let digits = view[(space + 1)...].prefix(3)
        guard digits.count == 3, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }
}
