/// A day of the week, numbered as ISO 8601 does (Monday is 1, Sunday is 7).
///
/// The core's own type rather than Foundation's `weekday` component, whose numbering starts on
/// Sunday and depends on nothing here but invites off-by-one mistakes.
public enum Weekday: Int, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Monday.
    case monday = 1
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday
    /// Sunday.
    case sunday

    /// The three-letter name used in config files: `mon` … `sun`.
    public var abbreviation: String {
        switch self {
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        case .sunday: "sun"
        }
    }

    /// The day named by its three-letter abbreviation (`mon` … `sun`), lowercase only, as the
    /// config file writes it.
    public init?(abbreviation: String) {
        guard let day = Self.allCases.first(where: { $0.abbreviation == abbreviation }) else { return nil }
        self = day
    }

    /// The day after this one, Sunday wrapping to Monday.
    public var next: Weekday {
        Weekday(rawValue: rawValue % 7 + 1)!
    }

    /// The days from `first` to `last` inclusive, wrapping past Sunday (`fri-mon` is Friday,
    /// Saturday, Sunday, Monday).
    public static func range(from first: Weekday, through last: Weekday) -> [Weekday] {
        var days = [first]
        var day = first
        while day != last {
            day = day.next
            days.append(day)
        }
        return days
    }

    /// The abbreviation.
    public var description: String { abbreviation }

    /// Orders Monday first, as the week is written in config files.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
