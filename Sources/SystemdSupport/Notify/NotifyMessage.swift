/// A typed `sd_notify` message (see sd_notify(3)).
///
/// Every `STATUS=` value is passed through ``OneLineText/sanitize(_:maxCharacters:)`` so a reason
/// text can never inject a second assignment such as `READY=1`.
public enum NotifyMessage: Sendable, Hashable {
    /// Start-up (or a reload) finished: `READY=1` and a one-line `STATUS=`.
    case ready(status: String)
    /// A reload began: `RELOADING=1` and `MONOTONIC_USEC=` (CLOCK_MONOTONIC, microseconds).
    case reloading(monotonicMicroseconds: UInt64)
    /// A one-line `STATUS=` update only.
    case status(String)
    /// Shutdown began: `STOPPING=1`, with an optional `STATUS=`.
    case stopping(status: String?)
    /// The watchdog keep-alive: `WATCHDOG=1`.
    case watchdog
    /// A fatal error before or instead of readiness: `STATUS=` and `ERRNO=`.
    case failure(status: String, errno: Int32)

    /// The newline-separated assignments handed to `sd_notify`.
    public var text: String {
        switch self {
        case .ready(let status):
            "READY=1\nSTATUS=\(Self.statusValue(status))"
        case .reloading(let microseconds):
            "RELOADING=1\nMONOTONIC_USEC=\(microseconds)"
        case .status(let status):
            "STATUS=\(Self.statusValue(status))"
        case .stopping(let status?):
            "STOPPING=1\nSTATUS=\(Self.statusValue(status))"
        case .stopping(nil):
            "STOPPING=1"
        case .watchdog:
            "WATCHDOG=1"
        case .failure(let status, let errno):
            "STATUS=\(Self.statusValue(status))\nERRNO=\(errno)"
        }
    }

    private static func statusValue(_ status: String) -> String {
        OneLineText.sanitize(status, maxCharacters: OneLineText.defaultStatusLimit)
    }
}
