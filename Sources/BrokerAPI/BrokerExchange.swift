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

    /// Sends `request` of `run` on the pool of its URL's transport, and waits for the whole
    /// answer until the run's deadline. A failure carries the proxy it went through.
    ///
    /// The deadline covers the connect, the head and the body however slowly it comes; once it
    /// has passed the request is not sent at all. A body past the limit still gives its
    /// status and first bytes, marked ``truncated``.
    static func send(_ request: HTTPClient.Request, for run: ProbeRun) async -> Result<BrokerExchange, any Error> {
        let transport = run.secrets.transport.transport(for: request.url.absoluteString)
        guard let clients = run.pools.rotation(for: transport), let lease = clients.acquire() else {
            return .failure(HTTPClientError.alreadyShutdown)
        }
        defer { clients.release(lease) }
        return await send(request, through: lease, before: run.deadline).mapError { RoutedError($0, proxy: transport.proxy) }
    }

    private static func send(
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
