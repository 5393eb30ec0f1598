import Foundation
import PresenceCore
import Testing

/// Paris in January (+01:00, no daylight saving nearby); 2026-01-05 is a Monday.
@Suite("WorkSchedule.shift(at:)")
struct WorkScheduleTests {
    typealias S = Schedules
    let office = S.make("Europe/Paris", S.days(S.workdays, ["09:00-12:30", "13:30-18:00"]))

    @Test("several spans a day: on until the span ends, off until the next starts, half-open")
    func officeHours() {
        #expect(office.shift(at: S.instant("2026-01-05T10:00:00+01:00")) == S.on(until: "2026-01-05T12:30:00+01:00"))
        #expect(office.shift(at: S.instant("2026-01-05T09:00:00+01:00")) == S.on(until: "2026-01-05T12:30:00+01:00"))
        #expect(office.shift(at: S.instant("2026-01-05T12:30:00+01:00")) == S.off(until: "2026-01-05T13:30:00+01:00"))
        #expect(office.shift(at: S.instant("2026-01-05T08:59:59+01:00")) == S.off(until: "2026-01-05T09:00:00+01:00"))
        #expect(office.shift(at: S.instant("2026-01-05T17:59:59+01:00")) == S.on(until: "2026-01-05T18:00:00+01:00"))
    }

    @Test("after Friday's last span, the next start is Monday's first")
    func weekend() {
        for text in ["2026-01-09T18:00:00+01:00", "2026-01-10T10:00:00+01:00", "2026-01-11T23:59:00+01:00",
                     "2026-01-12T00:00:00+01:00"] {
            #expect(office.shift(at: S.instant(text)) == S.off(until: "2026-01-12T09:00:00+01:00"), "\(text)")
        }
    }

    @Test("the time is read in the schedule's zone, whatever the instant's offset")
    func otherZones() {
        #expect(office.shift(at: S.instant("2026-01-05T08:30:00Z")) == S.on(until: "2026-01-05T11:30:00Z"))
        let tokyo = S.make("Asia/Tokyo", [.monday: ["09:00-17:00"]])
        // Monday 09:00 in Tokyo is Monday 00:00 UTC, and Sunday 23:00 UTC is Monday 08:00 there.
        #expect(tokyo.shift(at: S.instant("2026-01-04T23:00:00Z")) == S.off(until: "2026-01-05T00:00:00Z"))
        #expect(tokyo.shift(at: S.instant("2026-01-05T01:00:00Z")) == S.on(until: "2026-01-05T08:00:00Z"))
    }

    @Test("a span that crosses midnight runs into the next day: sun 22:00-06:00 ends Monday 06:00")
    func overnight() {
        let night = S.make("Europe/Paris", [.sunday: ["22:00-06:00"]])
        #expect(night.shift(at: S.instant("2026-01-11T23:00:00+01:00")) == S.on(until: "2026-01-12T06:00:00+01:00"))
        #expect(night.shift(at: S.instant("2026-01-12T05:59:00+01:00")) == S.on(until: "2026-01-12T06:00:00+01:00"))
        #expect(night.shift(at: S.instant("2026-01-12T06:00:00+01:00")) == S.off(until: "2026-01-18T22:00:00+01:00"))
        #expect(night.shift(at: S.instant("2026-01-11T21:00:00+01:00")) == S.off(until: "2026-01-11T22:00:00+01:00"))
    }

    @Test("24:00 ends a span at the end of its day")
    func endOfDay() {
        let evening = S.make("Europe/Paris", [.monday: ["18:00-24:00"]])
        #expect(evening.shift(at: S.instant("2026-01-05T20:00:00+01:00")) == S.on(until: "2026-01-06T00:00:00+01:00"))
        #expect(evening.shift(at: S.instant("2026-01-06T00:00:00+01:00")) == S.off(until: "2026-01-12T18:00:00+01:00"))
    }

    @Test("spans that touch merge, within a day and across midnight, so changesAt is the real change")
    func merges() {
        let split = S.make("Europe/Paris", [.monday: ["09:00-12:00", "12:00-14:00"]])
        #expect(split.shift(at: S.instant("2026-01-05T10:00:00+01:00")) == S.on(until: "2026-01-05T14:00:00+01:00"))
        let nights = S.make("Europe/Paris", [.monday: ["22:00-24:00"], .tuesday: ["00:00-06:00", "06:00-07:00"]])
        #expect(nights.shift(at: S.instant("2026-01-05T23:00:00+01:00")) == S.on(until: "2026-01-06T07:00:00+01:00"))
        let chain = S.make("Europe/Paris", [.monday: ["20:00-02:00"], .tuesday: ["02:00-09:00"]])
        #expect(chain.shift(at: S.instant("2026-01-05T21:00:00+01:00")) == S.on(until: "2026-01-06T09:00:00+01:00"))
    }

    @Test("a 24/7 schedule is on and never changes, however it is written")
    func allTheTime() {
        let whole = S.make("Europe/Paris", S.days(Weekday.allCases, ["00:00-24:00"]))
        let halves = S.make("America/New_York", S.days(Weekday.allCases, ["12:00-24:00", "00:00-12:00"]))
        let nights = S.make("UTC", S.days(Weekday.allCases, ["06:00-00:00", "00:00-06:00"]))
        for schedule in [whole, halves, nights] {
            for text in ["2026-01-05T10:00:00Z", "2026-03-29T01:30:00Z", "2026-11-01T06:30:00Z", "2027-06-01T00:00:00Z"] {
                #expect(schedule.shift(at: S.instant(text)) == .alwaysOn, "\(text)")
            }
        }
    }

    @Test("a schedule with no hours is off and never changes")
    func never() {
        let empty = S.make("Europe/Paris", [:])
        #expect(empty.shift(at: S.instant("2026-01-05T10:00:00Z")) == ShiftState(isOn: false, changesAt: nil))
    }

    @Test("a closed date replaces that day's hours")
    func closedDate() {
        let christmas = S.make("Europe/Paris", S.days(S.workdays, ["09:00-18:00"]), except: ["2026-12-25": []])
        #expect(christmas.shift(at: S.instant("2026-12-24T17:00:00+01:00")) == S.on(until: "2026-12-24T18:00:00+01:00"))
        #expect(christmas.shift(at: S.instant("2026-12-24T19:00:00+01:00")) == S.off(until: "2026-12-28T09:00:00+01:00"))
        #expect(christmas.shift(at: S.instant("2026-12-25T10:00:00+01:00")) == S.off(until: "2026-12-28T09:00:00+01:00"))
    }

    @Test("a date with other hours replaces that day's hours")
    func otherHours() {
        let schedule = S.make("Europe/Paris", S.days(S.workdays, ["09:00-12:30", "13:30-18:00"]),
                              except: ["2026-12-24": ["09:00-12:00"], "2026-12-26": ["10:00-11:00"]])
        #expect(schedule.shift(at: S.instant("2026-12-24T11:00:00+01:00")) == S.on(until: "2026-12-24T12:00:00+01:00"))
        #expect(schedule.shift(at: S.instant("2026-12-24T12:00:00+01:00")) == S.off(until: "2026-12-25T09:00:00+01:00"))
        // A Saturday that is normally off opens for an hour.
        #expect(schedule.shift(at: S.instant("2026-12-25T19:00:00+01:00")) == S.off(until: "2026-12-26T10:00:00+01:00"))
        #expect(schedule.shift(at: S.instant("2026-12-26T10:30:00+01:00")) == S.on(until: "2026-12-26T11:00:00+01:00"))
    }

    @Test("an exception leaves the day before's overnight span running to its end, merging where they meet")
    func exceptionAfterNight() {
        let closed = S.make("Europe/Paris", [.thursday: ["22:00-06:00"], .friday: ["22:00-06:00"]],
                            except: ["2026-12-25": []])
        #expect(closed.shift(at: S.instant("2026-12-25T03:00:00+01:00")) == S.on(until: "2026-12-25T06:00:00+01:00"))
        #expect(closed.shift(at: S.instant("2026-12-25T06:00:00+01:00")) == S.off(until: "2026-12-31T22:00:00+01:00"))
        let longer = S.make("Europe/Paris", [.thursday: ["22:00-06:00"]], except: ["2026-12-25": ["05:00-10:00"]])
        #expect(longer.shift(at: S.instant("2026-12-25T03:00:00+01:00")) == S.on(until: "2026-12-25T10:00:00+01:00"))
    }

    @Test("a closed date in a 24/7 schedule is the only change")
    func closedInAlwaysOn() {
        let schedule = S.make("Europe/Paris", S.days(Weekday.allCases, ["00:00-24:00"]), except: ["2026-12-25": []])
        #expect(schedule.shift(at: S.instant("2026-12-20T12:00:00+01:00")) == S.on(until: "2026-12-25T00:00:00+01:00"))
        #expect(schedule.shift(at: S.instant("2026-12-25T12:00:00+01:00")) == S.off(until: "2026-12-26T00:00:00+01:00"))
        #expect(schedule.shift(at: S.instant("2026-12-26T12:00:00+01:00")) == .alwaysOn)
    }

    @Test("the search looks about 400 days ahead")
    func horizon() {
        let soon = S.make("Europe/Paris", [:], except: ["2027-01-20": ["09:00-10:00"]])
        #expect(soon.shift(at: S.instant("2026-01-05T10:00:00+01:00")) == S.off(until: "2027-01-20T09:00:00+01:00"))
        let late = S.make("Europe/Paris", [:], except: ["2027-06-01": ["09:00-10:00"]])
        #expect(late.shift(at: S.instant("2026-01-05T10:00:00+01:00")) == ShiftState(isOn: false, changesAt: nil))
    }

    @Test("shifts(from:to:) lists the shifts in a window, clipped to it")
    func shiftsInWindow() {
        let shifts = office.shifts(from: S.instant("2026-01-05T10:00:00+01:00"), to: S.instant("2026-01-06T10:00:00+01:00"))
        #expect(shifts == [
            S.instant("2026-01-05T10:00:00+01:00")..<S.instant("2026-01-05T12:30:00+01:00"),
            S.instant("2026-01-05T13:30:00+01:00")..<S.instant("2026-01-05T18:00:00+01:00"),
            S.instant("2026-01-06T09:00:00+01:00")..<S.instant("2026-01-06T10:00:00+01:00"),
        ])
    }
}

@Suite("WorkSchedule: a week with a gap is not 24/7")
struct WorkScheduleAlmostAlwaysTests {
    typealias S = Schedules

    @Test("a minute off in the week is a change, Sunday's night reaching into Monday is not, a week without Monday ends on Sunday")
    func almost() {
        var weekly = S.days(Weekday.allCases, ["00:00-24:00"])
        weekly[.wednesday] = ["00:00-23:59"]
        let gap = S.make("Europe/Paris", weekly)
        #expect(gap.shift(at: S.instant("2026-01-05T10:00:00+01:00")) == S.on(until: "2026-01-07T23:59:00+01:00"))
        var nights = S.days([.monday, .tuesday, .wednesday, .thursday, .friday, .saturday], ["00:00-24:00"])
        nights[.sunday] = ["00:00-22:00", "22:00-06:00"]
        let overlapping = S.make("Europe/Paris", nights)
        #expect(overlapping.shift(at: S.instant("2026-01-05T10:00:00+01:00")) == .alwaysOn)
        let noMonday = S.make("Europe/Paris", S.days([.tuesday, .wednesday, .thursday, .friday, .saturday, .sunday],
                                                     ["00:00-24:00"]))
        #expect(noMonday.shift(at: S.instant("2026-01-04T10:00:00+01:00")) == S.on(until: "2026-01-05T00:00:00+01:00"))
    }
}
