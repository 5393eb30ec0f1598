import PresenceCore
import Testing

@Suite("LocalDate, LocalTime, ShiftSpan and Weekday")
struct LocalDateTests {
    @Test("day numbers count from 1970-01-01 and round-trip across leap years and centuries")
    func dayNumbers() {
        #expect(LocalDate("1970-01-01")?.dayNumber == 0)
        #expect(LocalDate("1969-12-31")?.dayNumber == -1)
        #expect(LocalDate("2000-03-01")?.dayNumber == 11_017)
        #expect(LocalDate("2026-12-25")?.dayNumber == 20_812)
        for dayNumber in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(LocalDate(dayNumber: dayNumber).dayNumber == dayNumber)
        }
    }

    @Test("weekdays: 1970-01-01 was a Thursday, 2026-12-25 is a Friday, 1969-12-28 a Sunday")
    func weekdays() {
        #expect(LocalDate("1970-01-01")?.weekday == .thursday)
        #expect(LocalDate("2026-12-25")?.weekday == .friday)
        #expect(LocalDate("2026-03-29")?.weekday == .sunday)
        #expect(LocalDate("1969-12-28")?.weekday == .sunday)
        #expect(LocalDate("2026-01-05")?.weekday == .monday)
    }

    @Test("dates that do not exist, and other shapes, are refused", arguments: [
        "2026-02-29", "2026-02-30", "2025-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01",
        "2026-1-05", "26-01-05", "2026/01/05", "2026-01-05T00:00", "",
    ])
    func badDates(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test("leap days exist in leap years only")
    func leapDays() {
        #expect(LocalDate("2028-02-29")?.description == "2028-02-29")
        #expect(LocalDate("2000-02-29") != nil)
        #expect(LocalDate("1900-02-29") == nil)
    }

    @Test("times go from 00:00 to 24:00; spans are not empty and do not start at 24:00")
    func timesAndSpans() {
        #expect(LocalTime("24:00") == .endOfDay)
        #expect(LocalTime("9:05")?.description == "09:05")
        for bad in ["24:01", "25:00", "12:60", "1200", "12:0", "-1:00", "ab:cd"] { #expect(LocalTime(bad) == nil, "\(bad)") }
        #expect(ShiftSpan("22:00-06:00")?.crossesMidnight == true)
        #expect(ShiftSpan("22:00-06:00")?.minutes == 1320..<1800)
        #expect(ShiftSpan("18:00-24:00")?.crossesMidnight == false)
        #expect(ShiftSpan("18:00-00:00")?.minutes == 1080..<1440)
        #expect(ShiftSpan("09:00-09:00") == nil)
        #expect(ShiftSpan("24:00-06:00") == nil)
    }

    @Test("day ranges wrap past Sunday")
    func ranges() {
        #expect(Weekday.range(from: .friday, through: .monday) == [.friday, .saturday, .sunday, .monday])
        #expect(Weekday.range(from: .monday, through: .sunday) == Weekday.allCases)
        #expect(Weekday(abbreviation: "sun") == .sunday)
        #expect(Weekday(abbreviation: "Sun") == nil)
    }
}
