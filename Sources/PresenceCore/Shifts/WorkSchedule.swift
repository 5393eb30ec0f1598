import Foundation

/// A named working-hours schedule in one IANA zone: weekly spans of local wall-clock time, and
/// dated exceptions.
///
/// Pure: the current time always comes in as a parameter. Rules, as the config contract gives
/// them and as ``ZoneWallClock`` applies them:
/// - spans are half-open, `[start, end)`: an agent whose shift ends at 18:00 is off at 18:00;
/// - spans that touch or overlap, on one day or across midnight (`22:00-24:00` then the next
///   day's `00:00-06:00`), are one shift: the change they report is the real one;
/// - daylight saving: a span starting in a skipped hour begins when the gap ends; a wall time
///   that happens twice names its first occurrence, so a repeated hour counts once;
/// - an exception replaces the weekly spans that *start* on its date. A span of the day before
///   that crosses midnight still runs to its end (closing Christmas does not cut short the night
///   shift that started on the 24th); where it meets the exception's own spans they merge.
public struct WorkSchedule: Hashable, Sendable {
    /// The schedule's name, as agents and accounts refer to it.
    public var name: String
    /// The zone whose wall clock the spans and dates are in.
    public var timeZone: TimeZone
    /// The spans of each weekday; a day that is not here is off.
    public var weekly: [Weekday: [ShiftSpan]]
    /// Dates whose spans replace the weekly ones; an empty list closes the date.
    public var exceptions: [LocalDate: [ShiftSpan]]
    /// Where the schedule was declared, for messages about it.
    public var source: ConfigLocation?

    /// How far ahead ``shift(at:)`` looks for a change, in days: a little more than a year, so a
    /// yearly closure is still found.
    public static let horizonDays = 400

    /// Creates a schedule.
    public init(
        name: String, timeZone: TimeZone, weekly: [Weekday: [ShiftSpan]] = [:],
        exceptions: [LocalDate: [ShiftSpan]] = [:], source: ConfigLocation? = nil
    ) {
        self.name = name
        self.timeZone = timeZone
        self.weekly = weekly
        self.exceptions = exceptions
        self.source = source
    }

    /// Whether the schedule is on at `date`, and when that next changes (`nil`: not within
    /// ``horizonDays``, as for a 24/7 schedule).
    ///
    /// Cheap enough to call at every boundary and whenever a late timer fires: the walk over days
    /// is integer arithmetic in wall time, and only the few boundaries it finds are converted to
    /// instants through the zone.
    public func shift(at date: Date) -> ShiftState {
        let clock = ZoneWallClock(zone: timeZone)
        let today = clock.wallDay(of: date)
        // The common 24/7 case answers without walking 400 days.
        if weeklyCoversEveryMinute, !exceptions.keys.contains(where: { $0.dayNumber >= today - 1 }) {
            return .alwaysOn
        }
        var current: (start: Date, end: Date?)?
        var answer: ShiftState?

        /// The answer if `run` is the shift at or after `date`; `nil` if it is already over.
        func decide(_ run: (start: Date, end: Date?)) -> ShiftState? {
            if date < run.start { return ShiftState(isOn: false, changesAt: run.start) }
            guard let end = run.end else { return ShiftState(isOn: true, changesAt: nil) }
            return date < end ? ShiftState(isOn: true, changesAt: end) : nil
        }

        // The day before can reach into today across midnight; nothing earlier can.
        forEachRun(fromDay: today - 1, throughDay: today + Self.horizonDays) { run in
            let start = clock.instant(ofWallMinute: run.start)
            let end = run.isOpenEnded ? nil : clock.instant(ofWallMinute: run.end)
            // A run held wholly inside a skipped hour never happens.
            if let end, end <= start { return true }
            if let last = current {
                // Runs apart in wall time can still touch as instants when the time between
                // them was skipped by the clocks moving forward.
                if let lastEnd = last.end, start <= lastEnd {
                    current = (last.start, end.map { max($0, lastEnd) })
                    return true
                }
                if let decided = decide(last) {
                    answer = decided
                    return false
                }
            }
            current = (start, end)
            // A run that starts after `date` answers at once: off until it starts.
            if date < start {
                answer = ShiftState(isOn: false, changesAt: start)
                return false
            }
            return true
        }
        if let answer { return answer }
        return current.flatMap(decide) ?? ShiftState(isOn: false, changesAt: nil)
    }

    /// Whether the weekly spans leave no minute of the week off (`mon-sun: 00:00-24:00` and the
    /// like), ignoring exceptions; wall time with no gap is also an unbroken stretch of instants.
    var weeklyCoversEveryMinute: Bool {
        var weeklyOnly = self
        weeklyOnly.exceptions = [:]
        var covers = false
        // Day 4 is Monday 1970-01-05: from the Sunday before (its night may reach Monday) to
        // the next Monday, the first run must span the whole week.
        let monday = 4
        weeklyOnly.forEachRun(fromDay: monday - 1, throughDay: monday + 7) { run in
            covers = run.start <= monday * LocalTime.minutesPerDay && run.end >= (monday + 7) * LocalTime.minutesPerDay
            return false
        }
        return covers
    }

    /// The spans that start on local day `dayNumber`: its exception's, else its weekday's.
    func spans(onDay dayNumber: Int) -> [ShiftSpan] {
        if !exceptions.isEmpty, let spans = exceptions[LocalDate(dayNumber: dayNumber)] { return spans }
        return weekly[LocalDate.weekday(ofDayNumber: dayNumber)] ?? []
    }
}
