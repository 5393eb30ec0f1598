import Logging

/// syslog(3) priorities for swift-log levels, as journald's `PRIORITY=` and `<N>` prefixes use them.
public enum SyslogPriority {
    /// The priority for a level: trace/debug 7, info 6, notice 5, warning 4, error 3, critical 2.
    public static func value(for level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
