/// A wall-clock time of day, to the minute, from `00:00` to `24:00` (the end of the day).
///
/// Local and zone-free: which instant it names depends on the date and the schedule's zone
/// (see ``WorkSchedule``).
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since midnight, `0...1440`; 1440 is `24:00`, which may only end a span.
    public let minutes: Int

    /// Minutes in a day.
    public static let minutesPerDay = 1440

    /// The end of the day, `24:00`.
    public static let endOfDay = LocalTime(checkedMinutes: minutesPerDay)

    /// Midnight at the start of the day, `00:00`.
    public static let midnight = LocalTime(checkedMinutes: 0)

    /// The time `hour:minute`; `nil` unless it is `00:00`…`23:59` or exactly `24:00`.
    public init?(hour: Int, minute: Int) {
        guard (0...59).contains(minute), (0...23).contains(hour) || hour == 24 && minute == 0 else { return nil }
        minutes = hour * 60 + minute
    }

    /// The time `minutes` after midnight; `nil` outside `0...1440`.
    public init?(minutes: Int) {
        guard (0...Self.minutesPerDay).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    private init(checkedMinutes: Int) {
        minutes = checkedMinutes
    }

    /// Reads `HH:MM` (one or two digits for the hour, two for the minutes), such as `09:00`,
    /// `9:30` or `24:00`.
    public init?(_ text: String) {
        guard let (hour, minute) = Self.fields(of: text), let time = LocalTime(hour: hour, minute: minute) else {
            return nil
        }
        self = time
    }

    /// The hour and minute fields of `HH:MM` as written, before any range check, so a config
    /// error can say which of the two is out of range.
    static func fields(of text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        return (hour, minute)
    }

    /// The hour, `0...24`.
    public var hour: Int { minutes / 60 }

    /// The minute of the hour, `0...59`.
    public var minute: Int { minutes % 60 }

    /// `HH:MM`, such as `09:05` or `24:00`.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// Earlier in the day first.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutes < rhs.minutes
    }
}
