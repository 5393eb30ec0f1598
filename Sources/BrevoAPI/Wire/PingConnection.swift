import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// One keep-alive HTTP/1.1 connection of a ``PingConnectionPool``, one ping at a time: the last
/// handler of its channel, after the TLS handler (if any) and the ``PingResponseDecoder``.
///
/// It writes each ping's request as one buffer, collects the answer's status, headers and at
/// most ``BrevoClient/maximumBodyBytes`` of body, and hands the connection back to its pool
/// once the answer is complete and allows another request; otherwise it closes. A reused
/// connection that fails before the first byte of the answer (the server closed it while idle)
/// gives its ping back to the pool for one more try on a fresh connection.
///
/// Lives on the pool's event loop; `@unchecked Sendable` only to be named in the loop's
/// callbacks.
final class PingConnection: ChannelInboundHandler, @unchecked Sendable {
    /// The parsed answer.
    typealias InboundIn = HTTPClientResponsePart
    /// Requests, as ready-made bytes.
    typealias OutboundOut = ByteBuffer

    /// The pool it belongs to, told when it is free again.
    private let pool: PingConnectionPool
    /// The pool's generation when the connection was opened; a recycle makes it stale.
    let generation: Int
    /// The parser of its answers, told of each request; set when installed.
    private var decoder: PingResponseDecoder?
    /// Its place in the pipeline; set once it is in it.
    private var context: ChannelHandlerContext?
    /// The channel once connected; `nil` while connecting.
    private(set) var channel: (any Channel)?
    /// The ping in flight (or waiting for the connection to be ready).
    private var exchange: PingExchange?
    /// Whether the ping in flight came to an idle connection rather than opening it.
    private var isReused = false
    /// Whether any part of the answer arrived.
    private var answerStarted = false
    /// The answer's head, once read.
    private var head: HTTPResponseHead?
    /// The answer's body so far, at most the limit.
    private var body: [UInt8] = []
    /// Set once the connection is closed or closing: it takes no more pings.
    private(set) var isClosing = false
    /// When it was last handed back idle, for the pool's idle timeout.
    var idleSince = NIODeadline.now()

    /// A connection of `pool` opened in its `generation`, for `exchange`, which it sends as soon
    /// as its pipeline is ready.
    init(pool: PingConnectionPool, generation: Int, exchange: PingExchange) {
        self.pool = pool
        self.generation = generation
        self.exchange = exchange
        exchange.connection = self
    }

    /// Whether it can take a ping now: ready, open, idle.
    var isUsable: Bool {
        !isClosing && exchange == nil && context != nil && (channel?.isActive ?? false)
    }

    /// The channel connected: the connection owns it from now on.
    func connected(_ channel: any Channel) {
        self.channel = channel
        if exchange == nil || isClosing { close() }
    }

    /// Adds the decoder and this handler after the handlers already in `channel`'s pipeline
    /// (TLS, tunnel), which sends the waiting ping.
    func install(on channel: any Channel) throws {
        let decoder = PingResponseDecoder()
        self.decoder = decoder
        let sync = channel.pipeline.syncOperations
        try sync.addHandler(ByteToMessageHandler(decoder))
        try sync.addHandler(self)
    }

    /// In the pipeline: sends the ping it was opened for.
    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        guard let exchange, !isClosing else { return close() }
        send(exchange)
    }

    /// Sends `exchange` on this idle connection, reused from the pool.
    func reuse(for exchange: PingExchange) {
        self.exchange = exchange
        exchange.connection = self
        isReused = true
        send(exchange)
    }

    /// Tells the parser an answer is due and writes the request, head and body in one buffer.
    private func send(_ exchange: PingExchange) {
        answerStarted = false
        head = nil
        body = []
        decoder?.expectAnswer()
        context?.writeAndFlush(wrapOutboundOut(exchange.request), promise: nil)
    }

    /// Collects the answer; completes the ping at its end or once the body passes the limit.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard exchange != nil else { return }
        answerStarted = true
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body(let part):
            let room = BrevoClient.maximumBodyBytes - body.count
            part.withUnsafeReadableBytes { body.append(contentsOf: $0.prefix(room)) }
            if part.readableBytes > room {
                // Cut: report what was read, and never reuse a connection with an unread rest.
                finish(reusable: false)
            }
        case .end:
            finish(reusable: head?.isKeepAlive ?? false)
        }
    }

    /// The answer is complete (or cut): the connection goes back to the pool or closes, then
    /// the ping completes.
    private func finish(reusable: Bool) {
        guard let exchange, let head else { return fail(HTTPClientError.remoteConnectionClosed) }
        self.exchange = nil
        exchange.connection = nil
        if head.status == .proxyAuthenticationRequired, pool.endpoint.usesAbsoluteForm {
            // The proxy, not the API, refused a plain-HTTP request: told as its refused tunnel was.
            close()
            return exchange.complete(.failure(HTTPClientError.proxyAuthenticationRequired))
        }
        let answer = BrevoClient.RawAnswer(status: Int(head.status.code), headers: head.headers, body: body)
        if reusable, !isClosing { pool.release(self) } else { close() }
        exchange.complete(.success(answer))
        pool.pingEnded()
    }

    /// Fails the ping with `error` (or gives it back for one more try) and closes.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(translate(error))
    }

    /// The connection ended: a ping still waiting for its answer fails.
    func channelInactive(context: ChannelHandlerContext) {
        fail(HTTPClientError.remoteConnectionClosed)
        context.fireChannelInactive()
    }

    /// The errors of a connection that ends mid-answer, as AsyncHTTPClient reported them.
    private func translate(_ error: any Error) -> any Error {
        if let parserError = error as? HTTPParserError, parserError == .invalidEOFState {
            return HTTPClientError.remoteConnectionClosed
        }
        if let tlsError = error as? NIOSSLError, tlsError == .uncleanShutdown {
            // An answer delimited by the close needs a clean TLS close to be known complete.
            let framed = head.map { $0.headers.contains(name: "content-length") || $0.headers.contains(name: "transfer-encoding") }
            return framed == false ? error : HTTPClientError.remoteConnectionClosed
        }
        return error
    }

    /// Fails the ping in flight with `error`, or sends it once more on a fresh connection when
    /// this reused connection failed before any byte of the answer; then closes.
    func fail(_ error: any Error) {
        if let exchange {
            self.exchange = nil
            exchange.connection = nil
            if isReused, !answerStarted, !exchange.wasRetried, !exchange.isDone {
                exchange.wasRetried = true
                close()
                pool.retry(exchange)
                return
            }
            exchange.complete(.failure(error))
        }
        close()
    }

    /// The ping's deadline passed: it completed already; the connection closes.
    func abandon(_ exchange: PingExchange) {
        guard self.exchange === exchange else { return }
        self.exchange = nil
        close()
    }

    /// Fails the ping in flight (with `error`, no retry) and closes: for a pool shutting down.
    func shutDown(with error: any Error) {
        let exchange = self.exchange
        self.exchange = nil
        exchange?.connection = nil
        close()
        exchange?.complete(.failure(error))
    }

    /// Closes the connection; the pool learns of it from the channel's close future. While
    /// connecting, the channel is closed as soon as it connects.
    func close() {
        guard !isClosing else { return }
        isClosing = true
        channel?.close(promise: nil)
    }
}
