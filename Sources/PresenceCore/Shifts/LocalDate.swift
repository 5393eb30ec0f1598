/// A date on the proleptic Gregorian calendar, without a zone: `2026-12-25`.
///
/// Schedules name days in their own zone, so a date is local until a ``WorkSchedule`` places
/// it. Arithmetic goes through a day number (days since 1970-01-01) computed with integer
/// formulas, which is exact and cheaper than asking a `Calendar` for every day of a search.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, `1...9999`.
    public let year: Int
    /// The month, `1...12`.
    public let month: Int
    /// The day of the month, `1...` the month's length.
    public let day: Int

    /// The date `year-month-day`; `nil` when there is no such date (`2026-02-30`) or the year is
    /// outside `1...9999`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.length(ofMonth: month, in: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`; `nil` for any other shape or a date that does not exist.
    public init?(_ text: String) {
        guard let (year, month, day) = Self.fields(of: text), let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        self = date
    }

    /// The date `dayNumber` days after 1970-01-01 (negative: before).
    public init(dayNumber: Int) {
        let (year, month, day) = RFC3339.civilDate(daysSinceEpoch: Int64(dayNumber))
        self.year = Int(year)
        self.month = Int(month)
        self.day = Int(day)
    }

    /// The year, month and day fields of `YYYY-MM-DD` as written, before any range check.
    static func fields(of text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return (year, month, day)
    }

    /// The number of days in `month` of `year`.
    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day of the week.
    public var weekday: Weekday { Self.weekday(ofDayNumber: dayNumber) }

    /// The day of the week of a day number; 1970-01-01 was a Thursday.
    static func weekday(ofDayNumber dayNumber: Int) -> Weekday {
        let fromMonday = ((dayNumber + 3) % 7 + 7) % 7
        return Weekday(rawValue: fromMonday + 1)!
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// Earlier dates first.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
