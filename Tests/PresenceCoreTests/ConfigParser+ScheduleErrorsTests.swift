import PresenceCore
import Testing

@Suite("ConfigParser: schedule errors")
struct ConfigParserScheduleErrorsTests {
    /// A schedule `s` in Paris (line 2) whose `weekly:` (line 4) holds `lines`, from line 5.
    static func weekly(_ lines: String...) -> String {
        "schedules:\n  s:\n    timezone: Europe/Paris\n    weekly:\n" + lines.map { "      \($0)\n" }.joined()
    }

    /// A schedule `s` in Paris whose `except:` (line 4) holds `lines`, from line 5.
    static func except(_ lines: String...) -> String {
        "schedules:\n  s:\n    timezone: Europe/Paris\n    except:\n" + lines.map { "      \($0)\n" }.joined()
    }

    @Test("an unknown zone, with the closest known name suggested")
    func unknownZone() {
        expectOneConfigIssue("schedules:\n  s:\n    timezone: Europe/Pariss\n", keyPath: "schedules.s.timezone", line: 3,
                             mentions: "\"Europe/Pariss\" is not an IANA time zone name such as Europe/Paris; did you mean \"Europe/Paris\"?")
        expectOneConfigIssue("schedules:\n  s:\n    timezone: Mars/Olympus\n", keyPath: "schedules.s.timezone", line: 3,
                             mentions: "is not an IANA time zone name")
    }

    @Test("abbreviations and fixed offsets are not zones to schedule in", arguments: ["CET", "EST", "PST", "GMT+2", "+02:00"])
    func abbreviations(name: String) {
        expectOneConfigIssue("schedules:\n  s:\n    timezone: \"\(name)\"\n", keyPath: "schedules.s.timezone", line: 3,
                             mentions: "is not an IANA time zone name")
    }

    @Test("a schedule needs a timezone")
    func missingZone() {
        expectOneConfigIssue("schedules:\n  s:\n    weekly:\n      mon: 09:00-17:00\n", keyPath: "schedules.s.timezone",
                             line: 2, mentions: "a schedule needs timezone:")
        expectOneConfigIssue("schedules:\n  s:\n", keyPath: "schedules.s.timezone", line: 2, mentions: "needs timezone:")
        expectOneConfigIssue("schedules:\n  s:\n    timezone:\n", keyPath: "schedules.s.timezone", line: 3, mentions: "needs a value")
    }

    @Test("unknown keys, bad names and bad shapes")
    func shapes() {
        expectOneConfigIssue("schedules:\n  s:\n    timezon: UTC\n    timezone: UTC\n", keyPath: "schedules.s.timezon",
                             line: 3, mentions: "did you mean \"timezone\"?")
        expectOneConfigIssue("schedules:\n  s:\n    timezone: UTC\n    exceptions: {}\n", keyPath: "schedules.s.exceptions",
                             line: 4, mentions: "unknown key \"exceptions\"")
        expectOneConfigIssue("schedules:\n  Paris:\n    timezone: UTC\n", keyPath: "schedules.Paris", line: 2,
                             mentions: "is not a valid schedule name")
        expectOneConfigIssue("schedules:\n  - s\n", keyPath: "schedules", line: 2, mentions: "expected a mapping of schedules")
        expectOneConfigIssue("schedules:\n  s: UTC\n", keyPath: "schedules.s", line: 2, mentions: "expected a mapping")
        expectOneConfigIssue("schedule:\n  s: {}\n", keyPath: "schedule", line: 1, mentions: "did you mean \"schedules\"?")
        expectOneConfigIssue(Self.weekly("mon: {a: b}"), keyPath: "schedules.s.weekly.mon", line: 5,
                             mentions: "expected spans such as 09:00-12:30")
        expectOneConfigIssue(Self.weekly("mon: []"), keyPath: "schedules.s.weekly.mon", line: 5, mentions: "empty list")
    }

    @Test("bad day names and ranges", arguments: [
        ("mon-sunday", "\"sunday\" is not a day; days are mon, tue, wed, thu, fri, sat, sun (write sun"),
        ("Monday", "(write mon for \"Monday\")"),
        ("weekdays", "\"weekdays\" is not a day"),
        ("mon-tue-wed", "expected a day (mon) or a range of days (mon-fri)"),
        ("fri-fri", "a range from a day to itself; write fri"),
    ])
    func badDays(key: String, fragment: String) {
        expectOneConfigIssue(Self.weekly("\(key): 09:00-17:00"), keyPath: "schedules.s.weekly.\(key)", line: 5,
                             mentions: fragment)
    }

    @Test("bad times and spans", arguments: [
        ("25:00-26:00", "\"25:00\" is not a time of day: hours go from 00 to 23"),
        ("09:00-24:30", "\"24:30\" is not a time of day"),
        ("12:60-13:00", "\"12:60\" is not a time of day: minutes go from 00 to 59"),
        ("09:00-09:00", "\"09:00-09:00\" is empty"),
        ("24:00-06:00", "starts at 24:00"),
        ("9-5", "expected spans such as 09:00-12:30"),
        ("09:00", "expected spans such as 09:00-12:30"),
        ("09:00-12:00,", "found an empty span in \"09:00-12:00,\" (a comma too many?)"),
        ("09:00 to 17:00", "expected spans such as 09:00-12:30"),
        ("open", "expected spans such as 09:00-12:30"),
    ])
    func badSpans(value: String, fragment: String) {
        expectOneConfigIssue(Self.weekly("mon: \(value)"), keyPath: "schedules.s.weekly.mon", line: 5, mentions: fragment)
    }

    @Test("a bad span in a list is reported at its own line")
    func badSpanInList() {
        expectOneConfigIssue(Self.weekly("mon:", "  - 09:00-12:00", "  - 13:00-25:00"), keyPath: "schedules.s.weekly.mon",
                             line: 7, mentions: "\"25:00\" is not a time of day")
    }

    @Test("a day given twice, also through a range")
    func dayTwice() {
        expectOneConfigIssue(Self.weekly("mon-fri: 09:00-17:00", "wed: 10:00-11:00"), keyPath: "schedules.s.weekly.wed",
                             line: 6, mentions: "wed is already given by mon-fri (line 5)")
        expectOneConfigIssue(Self.weekly("sat: 09:00-17:00", "fri-sun: 10:00-11:00"), keyPath: "schedules.s.weekly.fri-sun",
                             line: 6, mentions: "sat is already given by sat (line 5)")
    }

    @Test("overlapping spans on one day, once however many days a range repeats them")
    func overlapWithinDay() {
        expectOneConfigIssue(Self.weekly("mon-fri: 09:00-12:00, 11:00-13:00"), keyPath: "schedules.s.weekly.mon-fri",
                             line: 5, mentions: "11:00-13:00 on mon overlaps 09:00-12:00 on mon (mon-fri, line 5)")
        expectOneConfigIssue(Self.weekly("mon: 08:00-18:00, 12:00-13:00"), keyPath: "schedules.s.weekly.mon",
                             line: 5, mentions: "spans may touch but not overlap")
    }

    @Test("an overnight span overlapping the next day's spans, also from Sunday into Monday")
    func overlapAcrossMidnight() {
        expectOneConfigIssue(Self.weekly("sun: 22:00-06:00", "mon-fri: 05:00-09:00"), keyPath: "schedules.s.weekly.mon-fri",
                             line: 6, mentions: "05:00-09:00 on mon overlaps 22:00-06:00 on sun (sun, line 5), which runs past midnight")
        expectOneConfigIssue(Self.weekly("mon-fri: 05:00-09:00", "sun: 22:00-06:00"), keyPath: "schedules.s.weekly.sun",
                             line: 6, mentions: "22:00-06:00 on sun overlaps 05:00-09:00 on mon (mon-fri, line 5)")
        expectOneConfigIssue(Self.weekly("mon-thu: 20:00-08:00", "fri: 07:00-09:00"), keyPath: "schedules.s.weekly.fri",
                             line: 6, mentions: "07:00-09:00 on fri overlaps 20:00-08:00 on thu")
    }

    @Test("exception dates that do not exist or are not dates", arguments: [
        ("2026-02-30", "\"2026-02-30\" is not a date: February 2026 has 28 days"),
        ("2026-13-01", "there is no month 13"),
        ("2026-12-5", "expected a date such as 2026-12-25 (YYYY-MM-DD)"),
        ("christmas", "expected a date such as 2026-12-25"),
    ])
    func badDates(key: String, fragment: String) {
        expectOneConfigIssue(Self.except("\(key): closed"), keyPath: "schedules.s.except.\(key)", line: 5, mentions: fragment)
    }

    @Test("exception spans: bad ones and overlapping ones")
    func badExceptionSpans() {
        expectOneConfigIssue(Self.except("2026-12-24: 09:00-12:60"), keyPath: "schedules.s.except.2026-12-24", line: 5,
                             mentions: "minutes go from 00 to 59")
        expectOneConfigIssue(Self.except("2026-12-24: 09:00-12:00, 10:00-11:00"), keyPath: "schedules.s.except.2026-12-24",
                             line: 5, mentions: "10:00-11:00 on 2026-12-24 overlaps 09:00-12:00 on 2026-12-24")
        expectOneConfigIssue(Self.except("2026-12-24:"), keyPath: "schedules.s.except.2026-12-24", line: 5,
                             mentions: "needs a value")
    }

    @Test("three mistakes, three issues, in file order")
    func several() {
        let issues = configParseIssues(Self.weekly("mon: 25:00-26:00", "tues: 09:00-10:00", "wed: 10:00-10:00"))
        #expect(issues.map(\.keyPath) == ["schedules.s.weekly.mon", "schedules.s.weekly.tues", "schedules.s.weekly.wed"])
        #expect(issues.map(\.location.line) == [5, 6, 7])
    }
}
