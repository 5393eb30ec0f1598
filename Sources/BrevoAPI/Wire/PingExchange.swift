import NIOCore

/// One ping on the wire: its encoded request, its deadline and its completion, from the moment
/// it reaches its pool's event loop until it completes, exactly once.
///
/// Lives on the pool's event loop (`@unchecked Sendable` only so that it can be handed to
/// that loop once); every member is touched there only. Its pool's ``PingDeadlines`` ends it
/// when its deadline passes.
final class PingExchange: @unchecked Sendable {
    /// What a ping completes with: the answer as read, or why there is none.
    typealias Completion = @Sendable (Result<BrevoClient.RawAnswer, any Error>) -> Void

    /// The whole request, head and body.
    let request: ByteBuffer
    /// When the ping gives up: waiting for a connection, connecting, TLS, the proxy's CONNECT,
    /// writing and reading all count against it.
    let deadline: NIODeadline
    /// Called once with the result.
    private let completion: Completion
    /// Whether it completed (answered, failed or timed out).
    private(set) var isDone = false
    /// Whether it was already sent again after a reused connection failed before answering.
    var wasRetried = false
    /// The connection it is on (or is connecting for), told when the deadline passes.
    var connection: PingConnection?

    /// Creates the exchange of `request`, to complete by `deadline` with `completion`.
    init(request: ByteBuffer, deadline: NIODeadline, completion: @escaping Completion) {
        self.request = request
        self.deadline = deadline
        self.completion = completion
    }

    /// Completes the ping with `result` unless it already completed.
    func complete(_ result: Result<BrevoClient.RawAnswer, any Error>) {
        guard !isDone else { return }
        isDone = true
        connection = nil
        completion(result)
    }

    /// The deadline passed: the ping completes with ``PingDeadlineExceeded`` and its
    /// connection, if any, is closed (never reused after a request it did not answer in time).
    func expire() {
        guard !isDone else { return }
        let connection = self.connection
        complete(.failure(PingDeadlineExceeded()))
        connection?.abandon(self)
    }
}
