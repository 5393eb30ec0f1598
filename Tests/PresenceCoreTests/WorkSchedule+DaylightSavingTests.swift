import Foundation
import PresenceCore
import Testing

/// Europe/Paris: 2026-03-29 02:00 CET → 03:00 CEST (01:00Z); 2026-10-25 03:00 CEST → 02:00 CET
/// (01:00Z). America/New_York: 2026-03-08 02:00 EST → 03:00 EDT (07:00Z); 2026-11-01 02:00 EDT →
/// 01:00 EST (06:00Z). Each of those dates is a Sunday.
@Suite("WorkSchedule.shift(at:) across daylight saving changes")
struct WorkScheduleDaylightSavingTests {
    typealias S = Schedules

    @Test("office hours on either side of a change keep their wall-clock times")
    func wallClockKept() {
        let paris = S.make("Europe/Paris", S.days(Weekday.allCases, ["09:00-17:00"]))
        #expect(paris.shift(at: S.instant("2026-03-28T12:00:00+01:00")) == S.on(until: "2026-03-28T17:00:00+01:00"))
        #expect(paris.shift(at: S.instant("2026-03-28T18:00:00+01:00")) == S.off(until: "2026-03-29T09:00:00+02:00"))
        #expect(paris.shift(at: S.instant("2026-10-24T18:00:00+02:00")) == S.off(until: "2026-10-25T09:00:00+01:00"))
        let newYork = S.make("America/New_York", S.days(Weekday.allCases, ["09:00-17:00"]))
        #expect(newYork.shift(at: S.instant("2026-03-07T18:00:00-05:00")) == S.off(until: "2026-03-08T09:00:00-04:00"))
        #expect(newYork.shift(at: S.instant("2026-10-31T18:00:00-04:00")) == S.off(until: "2026-11-01T09:00:00-05:00"))
    }

    @Test("a span starting in the skipped hour begins when the gap ends")
    func startInGap() {
        let paris = S.make("Europe/Paris", [.sunday: ["02:30-05:00"]])
        #expect(paris.shift(at: S.instant("2026-03-29T01:30:00+01:00")) == S.off(until: "2026-03-29T03:00:00+02:00"))
        #expect(paris.shift(at: S.instant("2026-03-29T03:00:00+02:00")) == S.on(until: "2026-03-29T05:00:00+02:00"))
        let newYork = S.make("America/New_York", [.sunday: ["02:00-09:00"]])
        #expect(newYork.shift(at: S.instant("2026-03-08T01:59:00-05:00")) == S.off(until: "2026-03-08T03:00:00-04:00"))
        // The week before and after, the span starts at 02:00 as written.
        #expect(newYork.shift(at: S.instant("2026-03-01T01:00:00-05:00")) == S.off(until: "2026-03-01T02:00:00-05:00"))
        #expect(newYork.shift(at: S.instant("2026-03-15T01:00:00-04:00")) == S.off(until: "2026-03-15T02:00:00-04:00"))
    }

    @Test("a span ending in the skipped hour ends when the gap ends; a break inside the gap vanishes")
    func endInGap() {
        let ends = S.make("Europe/Paris", [.sunday: ["01:00-02:30"]])
        #expect(ends.shift(at: S.instant("2026-03-29T01:30:00+01:00")) == S.on(until: "2026-03-29T03:00:00+02:00"))
        let gapBreak = S.make("Europe/Paris", [.sunday: ["00:00-02:00", "03:00-05:00"]])
        #expect(gapBreak.shift(at: S.instant("2026-03-29T01:30:00+01:00")) == S.on(until: "2026-03-29T05:00:00+02:00"))
        let inside = S.make("Europe/Paris", [.sunday: ["02:15-02:45"]])
        #expect(inside.shift(at: S.instant("2026-03-29T01:30:00+01:00")) == S.off(until: "2026-04-05T02:15:00+02:00"))
    }

    @Test("overnight spans last an hour less in spring and an hour more in autumn")
    func overnight() {
        let paris = S.make("Europe/Paris", [.saturday: ["22:00-06:00"]])
        #expect(paris.shift(at: S.instant("2026-03-28T23:00:00+01:00")) == S.on(until: "2026-03-29T06:00:00+02:00"))
        #expect(paris.shift(at: S.instant("2026-10-24T23:00:00+02:00")) == S.on(until: "2026-10-25T06:00:00+01:00"))
        let newYork = S.make("America/New_York", [.saturday: ["22:00-06:00"]])
        #expect(newYork.shift(at: S.instant("2026-03-07T23:00:00-05:00")) == S.on(until: "2026-03-08T06:00:00-04:00"))
        #expect(newYork.shift(at: S.instant("2026-11-01T01:30:00-05:00")) == S.on(until: "2026-11-01T06:00:00-05:00"))
    }

    @Test("a repeated hour counts once: a span 01:30-02:30 on a fall-back night covers the first occurrence")
    func repeatedHourParis() {
        let paris = S.make("Europe/Paris", [.sunday: ["01:30-02:30"]])
        #expect(paris.shift(at: S.instant("2026-10-25T01:45:00+02:00")) == S.on(until: "2026-10-25T02:30:00+02:00"))
        #expect(paris.shift(at: S.instant("2026-10-25T02:15:00+02:00")) == S.on(until: "2026-10-25T02:30:00+02:00"))
        // The second pass through 02:00-03:00 (now +01:00) is off.
        #expect(paris.shift(at: S.instant("2026-10-25T02:15:00+01:00")) == S.off(until: "2026-11-01T01:30:00+01:00"))
    }

    @Test("a repeated hour counts once in New York too: 01:30-01:45 happens at the first 01:30")
    func repeatedHourNewYork() {
        let newYork = S.make("America/New_York", [.sunday: ["01:30-01:45"]])
        #expect(newYork.shift(at: S.instant("2026-11-01T01:00:00-04:00")) == S.off(until: "2026-11-01T01:30:00-04:00"))
        #expect(newYork.shift(at: S.instant("2026-11-01T01:35:00-04:00")) == S.on(until: "2026-11-01T01:45:00-04:00"))
        #expect(newYork.shift(at: S.instant("2026-11-01T01:35:00-05:00")) == S.off(until: "2026-11-08T01:30:00-05:00"))
    }

    @Test("a span starting in the repeated hour starts at its first occurrence and ends at its written end")
    func startInRepeatedHour() {
        let paris = S.make("Europe/Paris", [.sunday: ["02:30-04:00"]])
        #expect(paris.shift(at: S.instant("2026-10-25T01:00:00+02:00")) == S.off(until: "2026-10-25T02:30:00+02:00"))
        #expect(paris.shift(at: S.instant("2026-10-25T02:45:00+01:00")) == S.on(until: "2026-10-25T04:00:00+01:00"))
    }

    @Test("a 24/7 schedule closed on a date a year ahead runs through every change until that date")
    func allTheTimeUntilClosed() {
        let newYear = ["Europe/Paris": "2027-01-01T00:00:00+01:00", "America/New_York": "2027-01-01T00:00:00-05:00"]
        for (zone, closes) in newYear {
            let schedule = S.make(zone, S.days(Weekday.allCases, ["00:00-24:00"]), except: ["2027-01-01": []])
            for text in ["2026-01-02T00:00:00Z", "2026-03-08T06:30:00Z", "2026-03-29T01:00:00Z", "2026-10-25T01:30:00Z",
                         "2026-11-01T06:30:00Z"] {
                #expect(schedule.shift(at: S.instant(text)) == S.on(until: closes), "\(zone) \(text)")
            }
        }
    }

    @Test("a 24/7 schedule never changes across daylight saving changes")
    func allTheTime() {
        for zone in ["Europe/Paris", "America/New_York"] {
            let schedule = S.make(zone, S.days(Weekday.allCases, ["00:00-24:00"]))
            for text in ["2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z", "2026-03-29T01:00:00Z", "2026-10-25T00:30:00Z",
                         "2026-10-25T01:30:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z"] {
                #expect(schedule.shift(at: S.instant(text)) == .alwaysOn, "\(zone) \(text)")
            }
        }
    }
}
