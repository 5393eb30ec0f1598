/// One span of working hours on a day, in local wall-clock time: `09:00-12:30`.
///
/// A span whose end is earlier than its start runs past midnight into the next day
/// (`22:00-06:00` ends at 06:00 the day after); `24:00` ends a span at the end of its day.
public struct ShiftSpan: Hashable, Sendable, CustomStringConvertible {
    /// When the span starts on its day; never `24:00`.
    public let start: LocalTime
    /// When it ends: later the same day, `24:00`, or, when earlier than ``start``, on the next day.
    public let end: LocalTime

    /// The span `start-end`; `nil` when it would be empty (the same time twice) or start at `24:00`.
    public init?(start: LocalTime, end: LocalTime) {
        guard start != end, start != .endOfDay else { return nil }
        self.start = start
        self.end = end
    }

    /// Reads `HH:MM-HH:MM`, such as `09:00-12:30` or `22:00-06:00`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = LocalTime(String(parts[0])), let end = LocalTime(String(parts[1])),
              let span = ShiftSpan(start: start, end: end) else { return nil }
        self = span
    }

    /// Whether the span runs past midnight into the next day.
    public var crossesMidnight: Bool { end < start }

    /// The span as minutes from the midnight that starts its day: `start..<end`, with the end
    /// past 1440 when it crosses midnight.
    public var minutes: Range<Int> {
        start.minutes..<(crossesMidnight ? end.minutes + LocalTime.minutesPerDay : end.minutes)
    }

    /// `HH:MM-HH:MM`.
    public var description: String { "\(start)-\(end)" }
}
