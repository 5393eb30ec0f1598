import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A hand-written HTTP/1.1 server on 127.0.0.1 that answers each request as its script says,
/// byte for byte: for faults the stand-in does not have (`Connection: close`, HTTP/1.0, a
/// keep-alive connection closed when its next request comes, an answer cut mid-body). It never
/// closes a connection unless the script says so, and records every request's raw bytes.
final class ScriptedServer: Sendable {
    /// What the server does with one request.
    enum Action: Sendable {
        /// Writes these bytes (a whole answer, or part of one) and keeps the connection open.
        case answer(String)
        /// Writes these bytes, then closes the connection.
        case answerThenClose(String)
        /// Closes the connection without a byte.
        case close
    }

    /// One request as it arrived.
    struct Request: Sendable {
        /// The connection's number, counting from 1.
        var connection: Int
        /// Head and body, exactly as received.
        var bytes: String
    }

    /// Where a request stands: its number overall (from 1), its connection (from 1), and its
    /// number on that connection (from 1).
    struct Turn: Sendable {
        /// The request's number overall.
        var request: Int
        /// The connection's number.
        var connection: Int
        /// The request's number on its connection.
        var onConnection: Int
    }

    private struct State {
        var connections = 0
        var requests: [Request] = []
        var open: [any Channel] = []
    }

    /// The port it listens on.
    let port: Int
    private let channel: any Channel
    private let state: Mutex<State>

    private init(port: Int, channel: any Channel) {
        self.port = port
        self.channel = channel
        state = Mutex(State())
    }

    /// `http://127.0.0.1:port/v3`.
    var baseURL: String { "http://127.0.0.1:\(port)/v3" }

    /// How many connections it accepted.
    var connectionsAccepted: Int { state.withLock { $0.connections } }

    /// Every request so far, in order.
    var requests: [Request] { state.withLock { $0.requests } }

    /// Starts listening; `script` decides what each request gets.
    static func start(_ script: @escaping @Sendable (Turn) -> Action) async throws -> ScriptedServer {
        let shared = Box()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let number = shared.server!.accepted(channel)
                    try channel.pipeline.syncOperations.addHandler(
                        Handler(connection: number, script: script) { shared.server!.record($0) }
                    )
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let server = ScriptedServer(port: channel.localAddress!.port!, channel: channel)
        shared.server = server
        return server
    }

    /// Stops listening and closes every connection.
    func shutdown() async throws {
        try await channel.close()
        for open in state.withLock({ $0.open }) { try? await open.close() }
    }

    private func accepted(_ channel: any Channel) -> Int {
        state.withLock { state in
            state.connections += 1
            state.open.append(channel)
            return state.connections
        }
    }

    private func record(_ request: Request) -> Int {
        state.withLock { state in
            state.requests.append(request)
            return state.requests.count
        }
    }

    /// The server, set once it is bound (connections only come after).
    private final class Box: @unchecked Sendable {
        var server: ScriptedServer?
    }

    /// Splits a connection's bytes into requests (by `Content-Length`) and carries out the script.
    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let connection: Int
        private let script: @Sendable (Turn) -> Action
        private let record: (Request) -> Int
        private var received = ByteBuffer()
        private var count = 0

        init(connection: Int, script: @escaping @Sendable (Turn) -> Action, record: @escaping (Request) -> Int) {
            self.connection = connection
            self.script = script
            self.record = record
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var bytes = unwrapInboundIn(data)
            received.writeBuffer(&bytes)
            while let request = nextRequest() {
                count += 1
                let number = record(Request(connection: connection, bytes: request))
                switch script(Turn(request: number, connection: connection, onConnection: count)) {
                case .answer(let text):
                    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
                case .answerThenClose(let text):
                    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text))).assumeIsolated().whenComplete { _ in
                        context.close(promise: nil)
                    }
                case .close:
                    context.close(promise: nil)
                    return
                }
            }
        }

        /// The next whole request in `received`, taken out of it.
        private func nextRequest() -> String? {
            let text = String(buffer: received)
            guard let end = text.range(of: "\r\n\r\n") else { return nil }
            let head = text[..<end.lowerBound]
            let length = head.split(separator: "\r\n")
                .first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let headBytes = text.utf8.distance(from: text.startIndex, to: end.upperBound)
            guard received.readableBytes >= headBytes + length else { return nil }
            let request = received.readString(length: headBytes + length)
            return request
        }
    }
}

extension ScriptedServer {
    /// An HTTP answer: the status line, `headers`, `Content-Length` (the body's, or
    /// `contentLength` to announce more than is sent) and the body.
    static func answer(
        status: Int = 201, version: String = "HTTP/1.1", headers: [String] = [], body: String = "{}", contentLength: Int? = nil
    ) -> String {
        let reason = status == 201 ? "Created" : status == 200 ? "OK" : "Status"
        var text = "\(version) \(status) \(reason)\r\n"
        for header in headers { text += header + "\r\n" }
        text += "Content-Length: \(contentLength ?? body.utf8.count)\r\n\r\n" + body
        return text
    }
}
