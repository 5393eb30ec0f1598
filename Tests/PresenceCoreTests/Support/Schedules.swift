import Foundation
import PresenceCore

/// Schedule builders and instants for the shift tests.
enum Schedules {
    /// The instant of an ISO 8601 text with an explicit offset (`2026-03-29T03:00:00+02:00`), so
    /// expectations never depend on the zone code they check.
    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("not an ISO 8601 instant: \(text)") }
        return date
    }

    /// Spans from their text (`"09:00-12:30"`).
    static func spans(_ texts: [String]) -> [ShiftSpan] {
        texts.map { text in
            guard let span = ShiftSpan(text) else { fatalError("not a span: \(text)") }
            return span
        }
    }

    /// A schedule in `zone` with weekly spans by day and exceptions by date, all as text.
    static func make(
        _ zone: String, _ weekly: [Weekday: [String]], except: [String: [String]] = [:], name: String = "test"
    ) -> WorkSchedule {
        guard let timeZone = TimeZone(identifier: zone) else { fatalError("unknown zone \(zone)") }
        var exceptions: [LocalDate: [ShiftSpan]] = [:]
        for (text, spans) in except {
            guard let date = LocalDate(text) else { fatalError("not a date: \(text)") }
            exceptions[date] = Self.spans(spans)
        }
        return WorkSchedule(name: name, timeZone: timeZone, weekly: weekly.mapValues(Self.spans), exceptions: exceptions)
    }

    /// The same spans on each of `days`.
    static func days(_ days: [Weekday], _ spans: [String]) -> [Weekday: [String]] {
        Dictionary(uniqueKeysWithValues: days.map { ($0, spans) })
    }

    /// Monday to Friday.
    static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// `ShiftState(isOn: true, changesAt: instant(text))`.
    static func on(until text: String) -> ShiftState {
        ShiftState(isOn: true, changesAt: instant(text))
    }

    /// `ShiftState(isOn: false, changesAt: instant(text))`.
    static func off(until text: String) -> ShiftState {
        ShiftState(isOn: false, changesAt: instant(text))
    }
}
