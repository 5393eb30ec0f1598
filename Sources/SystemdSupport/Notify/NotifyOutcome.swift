/// What became of one `sd_notify` call.
public enum NotifyOutcome: Sendable, Hashable {
    /// The datagram was sent to `NOTIFY_SOCKET`.
    case sent
    /// `NOTIFY_SOCKET` is unset (not started by systemd as `Type=notify`): nothing was sent.
    case notConfigured
    /// Sending failed with this errno (for example the socket has gone away).
    case failed(errno: Int32)

    /// Maps sd_notify's return value: > 0 sent, 0 no socket, < 0 a negative errno.
    init(returnValue: Int32) {
        if returnValue > 0 {
            self = .sent
        } else if returnValue == 0 {
            self = .notConfigured
        } else {
            self = .failed(errno: -returnValue)
        }
    }
}
