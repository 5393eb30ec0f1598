/// Parses a `Retry-After` header value into a delay.
public enum RetryAfter {
    /// The longest delay honoured; anything longer is clamped, so a bad header cannot park
    /// the daemon for days.
    public static let maximum: Duration = .seconds(3600)

    /// The delay `value` asks for, clamped to 0…``maximum``, or `nil` when it is malformed.
    ///
    /// - Parameters:
    ///   - value: delta-seconds (`120`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`).
    ///   - responseDate: the response's `Date` header as seconds since the epoch, which an
    ///     HTTP date is measured against; `now` when the header is absent or malformed.
    ///   - now: the current wall-clock time, seconds since the epoch.
    public static func delay(_ value: String, responseDate: Int64?, now: Int64) -> Duration? {
        let text = value.trimmingSpaces
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigit) {
            // A huge number of digits is still a valid (very long) delay: clamp, do not fail.
            guard let seconds = Int64(text) else { return maximum }
            return clamp(seconds)
        }
        guard let date = HTTPDate.secondsSinceEpoch(String(text)) else { return nil }
        return clamp(date - (responseDate ?? now))
    }

    private static func clamp(_ seconds: Int64) -> Duration {
        .seconds(min(max(seconds, 0), maximum.components.seconds))
    }
}
