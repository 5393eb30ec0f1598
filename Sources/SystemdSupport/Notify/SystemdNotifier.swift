import CSystemd
import Glibc

/// A thin wrapper over `sd_notify(0, …)` sending typed ``NotifyMessage``s to systemd.
///
/// A no-op returning ``NotifyOutcome/notConfigured`` when `NOTIFY_SOCKET` is unset. The
/// environment is never unset, so every later message (RELOADING, WATCHDOG, STOPPING) still finds
/// the socket. Safe to call from any thread: each call is one independent datagram.
public struct SystemdNotifier: Sendable {
    /// Creates a notifier; it holds no state and opens no socket until a message is sent.
    public init() {}

    /// Whether `NOTIFY_SOCKET` is set, i.e. whether systemd is listening for messages.
    public var isConfigured: Bool {
        getenv("NOTIFY_SOCKET") != nil
    }

    /// Sends one message; errors are returned, never thrown, since a notify failure must not stop
    /// the service.
    @discardableResult
    public func send(_ message: NotifyMessage) -> NotifyOutcome {
        NotifyOutcome(returnValue: sd_notify(0, message.text))
    }

    /// Sends `READY=1` with a one-line `STATUS=`.
    @discardableResult
    public func ready(status: String) -> NotifyOutcome {
        send(.ready(status: status))
    }

    /// Sends `RELOADING=1` with `MONOTONIC_USEC=` set to the given CLOCK_MONOTONIC time.
    @discardableResult
    public func reloading(monotonicMicroseconds: UInt64) -> NotifyOutcome {
        send(.reloading(monotonicMicroseconds: monotonicMicroseconds))
    }

    /// Sends a one-line `STATUS=` update.
    @discardableResult
    public func status(_ status: String) -> NotifyOutcome {
        send(.status(status))
    }

    /// Sends `STOPPING=1`, with a one-line `STATUS=` when given.
    @discardableResult
    public func stopping(status: String? = nil) -> NotifyOutcome {
        send(.stopping(status: status))
    }

    /// Sends the watchdog keep-alive `WATCHDOG=1`.
    @discardableResult
    public func watchdog() -> NotifyOutcome {
        send(.watchdog)
    }

    /// Sends a fatal-error report: one-line `STATUS=` and `ERRNO=`.
    @discardableResult
    public func failure(status: String, errno: Int32) -> NotifyOutcome {
        send(.failure(status: status, errno: errno))
    }
}
