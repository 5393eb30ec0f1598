/// Runs `operation`, giving up with ``PingDeadlineExceeded`` after `timeout`.
///
/// AsyncHTTPClient's own deadline covers the answer's head only; this one also covers a body
/// that trickles in, so a ping never outlives its timeout.
func withPingDeadline<T: Sendable>(
    _ timeout: Duration,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw PingDeadlineExceeded()
        }
        return value
    }
}
