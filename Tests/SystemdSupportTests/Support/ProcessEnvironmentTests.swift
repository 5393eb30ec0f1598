import Glibc
import Testing

/// Every test that changes the process environment (NOTIFY_SOCKET, WATCHDOG_*) nests in this
/// suite: setenv is process-global, so these tests must not run in parallel with each other.
@Suite(.serialized)
enum ProcessEnvironmentTests {}

/// Runs `body` with the given variables set (or unset, for `nil`), restoring them afterwards.
func withEnvironment<Result>(
    _ changes: [String: String?],
    _ body: () throws -> Result
) rethrows -> Result {
    let saved = changes.keys.map { name in (name, getenv(name).map { String(cString: $0) }) }
    for (name, value) in changes { apply(name, value) }
    defer { for (name, value) in saved { apply(name, value) } }
    return try body()
}

private func apply(_ name: String, _ value: String?) {
    if let value { setenv(name, value, 1) } else { unsetenv(name) }
}
