import Foundation
import PresenceCore

/// When an override given on the command line ends: `--for DURATION` or `--until TIME`.
///
/// `--until` takes RFC 3339 (`2026-12-01T18:00:00Z`, or with an offset), or local wall-clock
/// time: `HH:MM` (the next such time, today or tomorrow) or `YYYY-MM-DD HH:MM`.
enum OverrideEnd {
    /// Why the options were refused, in one line.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The end of an override set at `now`; `nil` when neither option is given (until cleared).
    static func resolve(for duration: String?, until time: String?, now: Date, timeZone: TimeZone = .current) throws(Problem) -> Date? {
        switch (duration, time) {
        case (nil, nil):
            return nil
        case (.some, .some):
            throw Problem(description: "give either --for or --until, not both")
        case (let text?, nil):
            guard let duration = DurationParser.parse(text) else {
                throw Problem(description: "--for \(text): \(DurationParser.expectation), or 1h30m")
            }
            guard duration > .zero else { throw Problem(description: "--for \(text): the duration must be positive") }
            return now.addingTimeInterval(duration.seconds)
        case (nil, let text?):
            guard let date = date(from: text, now: now, timeZone: timeZone) else {
                throw Problem(description: "--until \(text): expected an RFC 3339 time (2026-12-01T18:00:00Z), HH:MM or YYYY-MM-DD HH:MM")
            }
            guard date > now else {
                throw Problem(description: "--until \(text) is in the past (now is \(RFC3339.string(from: now)))")
            }
            return date
        }
    }

    /// The instant `text` names, read as RFC 3339 or as local wall-clock time in `timeZone`.
    static func date(from text: String, now: Date, timeZone: TimeZone) -> Date? {
        if let date = RFC3339.date(from: text) { return date }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        switch parts.count {
        case 1:
            guard let (hour, minute) = clock(parts[0]) else { return nil }
            let today = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: now)
            guard let today else { return nil }
            return today > now ? today : calendar.date(byAdding: .day, value: 1, to: today)
        case 2:
            let day = parts[0].split(separator: "-").compactMap { Int($0) }
            guard day.count == 3, let (hour, minute) = clock(parts[1]) else { return nil }
            let components = DateComponents(year: day[0], month: day[1], day: day[2], hour: hour, minute: minute)
            guard let date = calendar.date(from: components),
                  calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: day[0], month: day[1], day: day[2])
            else { return nil }
            return date
        default:
            return nil
        }
    }

    private static func clock(_ text: Substring) -> (Int, Int)? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, fields[0].count == 2, fields[1].count == 2,
              let hour = Int(fields[0]), let minute = Int(fields[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return (hour, minute)
    }
}
