/// Reads the pieces of a `schedules:` entry (day names and ranges, spans, dates) and says what
/// is wrong with one in words an operator can act on.
///
/// Each reader returns the value, or a message for the caller to report with the file, line
/// and key it knows.
enum ScheduleText {
    /// What a span looks like, for messages.
    static let spanShape = "expected spans such as 09:00-12:30, 13:30-18:00 (HH:MM-HH:MM, separated by commas)"

    /// The word that closes a day or a date.
    static let closed = "closed"

    /// The days of `text`: a day (`mon`) or a range (`mon-fri`, and `fri-mon` wrapping past Sunday).
    static func days(_ text: String) -> Result<[Weekday], Problem> {
        let names = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(names.count) else {
            return .failure(Problem("expected a day (mon) or a range of days (mon-fri), found \(ConfigText.quoted(text))"))
        }
        var days: [Weekday] = []
        for name in names {
            guard let day = Weekday(abbreviation: name) else { return .failure(unknownDay(name)) }
            days.append(day)
        }
        guard days.count == 2 else { return .success(days) }
        if days[0] == days[1] {
            return .failure(Problem("\(ConfigText.quoted(text)) is a range from a day to itself; write \(days[0])"))
        }
        return .success(Weekday.range(from: days[0], through: days[1]))
    }

    /// Why `name` is not a day, with the spelling meant when it is a longer or capitalised one.
    private static func unknownDay(_ name: String) -> Problem {
        let days = Weekday.allCases.map(\.abbreviation)
        var message = "\(ConfigText.quoted(name)) is not a day; days are \(days.joined(separator: ", "))"
        if let meant = Weekday(abbreviation: String(name.lowercased().prefix(3))) {
            message += " (write \(meant) for \(ConfigText.quoted(name)))"
        }
        return Problem(message)
    }

    /// The spans of `text`: `HH:MM-HH:MM` separated by commas, in order of start, or `[]` for
    /// `closed`.
    static func spans(_ text: String) -> Result<[ShiftSpan], Problem> {
        let trimmed = ConfigText.trimmed(text)
        if trimmed == closed { return .success([]) }
        var spans: [ShiftSpan] = []
        for piece in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let text = ConfigText.trimmed(String(piece))
            if text.isEmpty {
                return .failure(Problem("\(spanShape); found an empty span in \(ConfigText.quoted(trimmed)) "
                    + "(a comma too many?)"))
            }
            switch span(text) {
            case .success(let span): spans.append(span)
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(spans.sorted { $0.start < $1.start })
    }

    /// One span, `HH:MM-HH:MM`.
    static func span(_ text: String) -> Result<ShiftSpan, Problem> {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard ends.count == 2 else {
            return .failure(Problem("\(spanShape); found \(ConfigText.quoted(text))"))
        }
        var times: [LocalTime] = []
        for end in ends {
            switch time(ConfigText.trimmed(end)) {
            case .success(let time): times.append(time)
            case .failure(let problem): return .failure(problem)
            }
        }
        if times[0] == .endOfDay {
            return .failure(Problem("\(ConfigText.quoted(text)) starts at 24:00; 24:00 may only end a span "
                + "(write 00:00 on the next day)"))
        }
        guard let span = ShiftSpan(start: times[0], end: times[1]) else {
            return .failure(Problem("\(ConfigText.quoted(text)) is empty: a span ends at another time than it starts "
                + "(00:00-24:00 for a whole day)"))
        }
        return .success(span)
    }

    /// One time of day, `HH:MM`, up to `24:00`.
    private static func time(_ text: String) -> Result<LocalTime, Problem> {
        guard let (hour, minute) = LocalTime.fields(of: text) else {
            return .failure(Problem("\(spanShape); found the time \(ConfigText.quoted(text))"))
        }
        if minute > 59 {
            return .failure(Problem("\(ConfigText.quoted(text)) is not a time of day: minutes go from 00 to 59"))
        }
        guard let time = LocalTime(hour: hour, minute: minute) else {
            return .failure(Problem("\(ConfigText.quoted(text)) is not a time of day: hours go from 00 to 23, "
                + "and 24:00 may end a span"))
        }
        return .success(time)
    }

    /// The date of `text`, `YYYY-MM-DD`, which must exist.
    static func date(_ text: String) -> Result<LocalDate, Problem> {
        guard let (year, month, day) = LocalDate.fields(of: text), year >= 1 else {
            return .failure(Problem("expected a date such as 2026-12-25 (YYYY-MM-DD), found \(ConfigText.quoted(text))"))
        }
        guard (1...12).contains(month) else {
            return .failure(Problem("\(ConfigText.quoted(text)) is not a date: there is no month \(month)"))
        }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            let length = LocalDate.length(ofMonth: month, in: year)
            return .failure(Problem("\(ConfigText.quoted(text)) is not a date: \(monthNames[month - 1]) \(year) "
                + "has \(length) days"))
        }
        return .success(date)
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// A message about one piece of a schedule.
    struct Problem: Error {
        let message: String

        init(_ message: String) {
            self.message = message
        }
    }
}
