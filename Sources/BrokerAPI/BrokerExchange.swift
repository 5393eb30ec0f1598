import AsyncHTTPClient
import BrevoAPI
import NIOCore

/// One request sent and its answer read, at most ``BrokerClient/maximumBodyBytes`` of it,
/// before a deadline.
struct BrokerExchange: Sendable {
    /// The answer as read.
    var answer: BrevoClient.RawAnswer
    /// Whether the body went past the limit and was cut (the connection is dropped).
    var truncated: Bool

    /// Sends `request` through `lease` and waits for the whole answer until `deadline`.
    ///
    /// The deadline covers the connect, the head and the body however slowly it comes; once it
    /// has passed the request is not sent at all. A body past the limit still gives its
    /// status and first bytes, marked ``truncated``.
    static func send(
        _ request: HTTPClient.Request, through lease: HTTPClientRotation.Lease, before deadline: NIODeadline
    ) async -> Result<BrokerExchange, any Error> {
        guard deadline > .now() else { return .failure(PingDeadlineExceeded()) }
        let delegate = BoundedAnswerDelegate(limit: BrokerClient.maximumBodyBytes)
        let task = lease.client.execute(request: request, delegate: delegate, deadline: deadline)
        let timer = task.eventLoop.scheduleTask(deadline: deadline) { task.fail(reason: PingDeadlineExceeded()) }
        defer { timer.cancel() }
        do {
            let answer = try await task.futureResult.get()
            return .success(BrokerExchange(answer: answer, truncated: false))
        } catch {
            if let cut = delegate.cutAnswer { return .success(BrokerExchange(answer: cut, truncated: true)) }
            return .failure(error)
        }
    }
}
