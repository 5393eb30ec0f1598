import Foundation
import PresenceCore
import Testing

@Suite("WorkSchedule.peakOnCount")
struct WorkSchedulePeakTests {
    typealias S = Schedules
    let monday = S.instant("2026-01-05T00:00:00+01:00")
    let day = S.make("Europe/Paris", S.days(S.workdays, ["09:00-17:00"]), name: "day")
    let evening = S.make("Europe/Paris", S.days(S.workdays, ["17:00-01:00"]), name: "evening")

    @Test("a handover is not two shifts at once; agents without a schedule are always on")
    func handover() {
        #expect(WorkSchedule.peakOnCount([(day, 5), (evening, 3), (nil, 2)], from: monday) == 7)
    }

    @Test("overlapping shifts add up")
    func overlap() {
        let long = S.make("Europe/Paris", S.days(S.workdays, ["09:00-18:00"]), name: "long")
        #expect(WorkSchedule.peakOnCount([(long, 5), (evening, 3), (nil, 2)], from: monday) == 10)
    }

    @Test("the same hours in two zones overlap only where the zones' days overlap")
    func zones() {
        let newYork = S.make("America/New_York", S.days(S.workdays, ["09:00-17:00"]), name: "ny")
        let tokyo = S.make("Asia/Tokyo", S.days(S.workdays, ["09:00-17:00"]), name: "tokyo")
        // Paris 09:00-17:00 and New York 09:00-17:00 (Paris 15:00-23:00) overlap; Tokyo's day ends
        // at Paris 09:00.
        #expect(WorkSchedule.peakOnCount([(day, 4), (newYork, 3)], from: monday) == 7)
        #expect(WorkSchedule.peakOnCount([(day, 4), (tokyo, 3)], from: monday) == 4)
    }

    @Test("groups on one schedule add up; empty groups and the window's end count")
    func window() {
        #expect(WorkSchedule.peakOnCount([(day, 2), (day, 3), (evening, 0)], from: monday) == 5)
        let saturday = S.instant("2026-01-10T00:00:00+01:00")
        #expect(WorkSchedule.peakOnCount([(day, 5), (nil, 1)], from: saturday, days: 2) == 1)
        #expect(WorkSchedule.peakOnCount([(day, 5)], from: saturday, days: 3) == 5)
        #expect(WorkSchedule.peakOnCount([], from: saturday) == 0)
    }
}
