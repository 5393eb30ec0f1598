import NIOCore

/// One ping on the wire: its encoded request, its deadline and its completion, from the moment
/// it reaches its pool's event loop until it completes, exactly once.
///
/// Lives on the pool's event loop (`@unchecked Sendable` only so that it can be handed to
/// that loop once); every member is touched there only. Its deadline is a scheduled callback,
/// not a task with a promise, and is cancelled when the ping completes.
final class PingExchange: NIOScheduledCallbackHandler, @unchecked Sendable {
    /// What a ping completes with: the answer as read, or why there is none.
    typealias Completion = @Sendable (Result<BrevoClient.RawAnswer, any Error>) -> Void

    /// The whole request, head and body.
    let request: ByteBuffer
    /// When the ping gives up: waiting for a connection, connecting, TLS, the proxy's CONNECT,
    /// writing and reading all count against it.
    let deadline: NIODeadline
    /// Called once with the result.
    private let completion: Completion
    /// The deadline's scheduled callback, until it fires or the ping completes.
    private var timer: NIOScheduledCallback?
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

    /// Schedules the deadline on `eventLoop`, once; `false` when the loop no longer takes tasks.
    func arm(on eventLoop: any EventLoop) -> Bool {
        guard timer == nil else { return true }
        do {
            timer = try eventLoop.assumeIsolated().scheduleCallback(at: deadline, handler: self)
            return true
        } catch {
            return false
        }
    }

    /// Completes the ping with `result` unless it already completed, and cancels its deadline.
    func complete(_ result: Result<BrevoClient.RawAnswer, any Error>) {
        guard !isDone else { return }
        isDone = true
        timer?.cancel()
        timer = nil
        connection = nil
        completion(result)
    }

    /// The deadline passed: the ping completes with ``PingDeadlineExceeded`` and its
    /// connection, if any, is closed (never reused after a request it did not answer in time).
    func handleScheduledCallback(eventLoop: some EventLoop) {
        timer = nil
        guard !isDone else { return }
        let connection = self.connection
        complete(.failure(PingDeadlineExceeded()))
        connection?.abandon(self)
    }
}
