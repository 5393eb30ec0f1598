/// The lease store's own failures (PostgreSQL's come as `PSQLError`).
enum LeaseStoreError: Error, CustomStringConvertible {
    /// A call made after ``PostgresLeaseStore/shutdown()``.
    case shutDown
    /// The connection was closed by the server, twice in a row.
    case connectionClosed
    /// The acquire statement returned no row: the row was changing under it.
    case noRow
    /// A step around the lease statement failed: `step` says which (e.g. creating the table).
    case step(String, any Error)

    /// One line, without any secret.
    var description: String {
        switch self {
        case .shutDown: "the lease store is shut down"
        case .connectionClosed: "the server closed the connection"
        case .noRow: "the lease row was changing under the statement; try again"
        case .step(let step, let error): "\(step): \(LeaseFailureMessage.reason(error))"
        }
    }
}
