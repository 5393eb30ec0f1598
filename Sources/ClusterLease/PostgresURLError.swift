/// Why a PostgreSQL URL was refused.
///
/// The message names the part at fault but never repeats the URL, so it cannot carry the
/// password.
public struct PostgresURLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, e.g. `the port is not a number from 1 to 65535`.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason, prefixed with what was being read.
    public var description: String { "invalid PostgreSQL URL: \(reason)" }
}
