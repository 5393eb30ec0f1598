import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PresenceCore

extension BrevoClient {
    /// An answer as read off the wire, before it is judged.
    package struct RawAnswer: Sendable {
        /// The HTTP status.
        package var status: Int
        /// The answer's headers.
        package var headers: HTTPHeaders
        /// The body, at most as much as was read.
        package var body: [UInt8]

        /// Creates an answer from its parts.
        package init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// Sends one `agentOnlinePing` and reports what happened. Never throws.
    public func agentOnlinePing(_ request: PingRequest) async -> PingOutcome {
        await withCheckedContinuation { continuation in
            agentOnlinePing(request) { continuation.resume(returning: $0) }
        }
    }

    /// Sends one `agentOnlinePing` and calls `completion` exactly once, on the event loop.
    ///
    /// The daemon's path: no Swift task per ping, just the event loop and the caller's queue,
    /// since at thousands of pings a second the thread hand-offs of tasks, task groups and
    /// `Task.sleep` deadlines cost more than the HTTP itself. Called on the pool's event loop,
    /// the ping goes out inline; from any other thread, with one hop onto that loop. One
    /// deadline, a scheduled callback on that loop, covers waiting for a connection, the
    /// connect, the proxy's tunnel, TLS, the head and a body however slowly it comes.
    ///
    /// The request goes out with the credentials of its `account`; a ping for an account the
    /// client holds none for completes at once with a `.cancelled` transport error naming it.
    public func agentOnlinePing(_ request: PingRequest, completion: @escaping @Sendable (PingOutcome) -> Void) {
        let credentials = credentials(for: request.account)
        let start = ContinuousClock.now
        let finish: PingExchange.Completion = { [self] result in
            let latency = ContinuousClock.now - start
            switch result {
            case .success(let answer):
                // An answer means the request went out, so with this account's key.
                completion(outcome(of: answer, apiKey: credentials?.apiKey ?? "", latency: latency))
            case .failure(let error):
                let (errorClass, message) = TransportErrorClassifier.classify(error, proxy: credentials?.proxy)
                completion(.transportError(errorClass, message: message, latency: latency))
            }
        }
        guard let credentials else { return fail(UnknownAccount(name: request.account), finish) }
        let head: PingRequestHead
        switch credentials.head {
        case .success(let encoded): head = encoded
        case .failure(let error): return fail(error, finish)
        }
        guard let pool = credentials.pool else { return fail(HTTPClientError.alreadyShutdown, finish) }
        let amount = TimeAmount.nanoseconds(max(timeout.nanoseconds, 1_000_000))
        let exchange = PingExchange(
            request: head.request(PingRequestBody(request), allocator: Self.allocator),
            deadline: .now() + amount, completion: finish
        )
        if pool.eventLoop.inEventLoop {
            pool.send(exchange)
        } else {
            pool.eventLoop.execute { pool.send(exchange) }
        }
    }

    /// The allocator of the pings' request buffers.
    private static let allocator = ByteBufferAllocator()

    /// Completes a ping that never reaches a pool with `error`, on the client's event loop.
    private func fail(_ error: any Error, _ finish: @escaping PingExchange.Completion) {
        if eventLoop.inEventLoop {
            finish(.failure(error))
        } else {
            eventLoop.execute { finish(.failure(error)) }
        }
    }

    /// Judges an answer: any 2xx is success, anything else an HTTP error with Brevo's fields.
    private func outcome(of answer: RawAnswer, apiKey: String, latency: Duration) -> PingOutcome {
        let now = Int64(Date().timeIntervalSince1970)
        let rateLimit = RateLimitHeaders.parse(answer.headers, now: now)
        let requestID = answer.headers.first(name: "sib-request-id")
            .map { MessageText.sanitize($0, redacting: apiKey) }
            .flatMap { $0.isEmpty ? nil : $0 }
        guard (200...299).contains(answer.status) else {
            let error = BrevoErrorBody(bytes: answer.body, redacting: apiKey)
            return .httpError(
                status: answer.status, code: error.code, message: error.message,
                requestID: requestID, rateLimit: rateLimit, latency: latency
            )
        }
        return .success(status: answer.status, requestID: requestID, rateLimit: rateLimit, latency: latency)
    }
}
