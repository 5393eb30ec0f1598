import Foundation
import PresenceCore
import Testing

@Suite("ConfigParser: schedules")
struct ConfigParserSchedulesTests {
    /// The example of DESIGN.md, with accounts; `paris-office` is at line 2, the agents from 12.
    static let example = """
        schedules:
          paris-office:
            timezone: Europe/Paris            # IANA name, required
            weekly:                           # day or day range: spans in local time
              mon-fri: 09:00-12:30, 13:30-18:00
              sat: 10:00-14:00
              sun: 22:00-06:00                # crosses midnight: until 06:00 on Monday
            except:                           # dates in the schedule's zone
              2026-12-25: closed
              2026-12-24: 09:00-12:00
          nights:
            timezone: America/New_York
            weekly:
              fri-mon: [22:00-24:00, 00:00-02:00]
        accounts:
          support-eu:
            schedule: paris-office
          support-us: {}
        agents:
          - id: d9nKoegKSjmCtyK78
            account: support-us
            schedule: paris-office
          - id: a2
            account: support-eu
          - id: a3
            account: support-us
          - id: a4
            account: support-eu
            schedule: nights
        """

    static func spans(_ texts: String...) -> [ShiftSpan] { Schedules.spans(texts) }

    @Test("schedules are read with their zone, weekly spans, exceptions and place")
    func valid() throws {
        let config = try ConfigParser.parse(Self.example, file: "config.yaml")
        #expect(config.schedules.keys.sorted() == ["nights", "paris-office"])
        let office = try #require(config.schedules["paris-office"])
        #expect(office.name == "paris-office")
        #expect(office.timeZone.identifier == "Europe/Paris")
        #expect(office.source == ConfigLocation(file: "config.yaml", line: 2))
        let workday = Self.spans("09:00-12:30", "13:30-18:00")
        #expect(office.weekly == [.monday: workday, .tuesday: workday, .wednesday: workday, .thursday: workday,
                                  .friday: workday, .saturday: Self.spans("10:00-14:00"),
                                  .sunday: Self.spans("22:00-06:00")])
        #expect(office.exceptions == [LocalDate("2026-12-25")!: [], LocalDate("2026-12-24")!: Self.spans("09:00-12:00")])
        let nights = try #require(config.schedules["nights"])
        #expect(nights.weekly.keys.sorted() == [.monday, .friday, .saturday, .sunday])
        #expect(nights.weekly[.saturday] == Self.spans("00:00-02:00", "22:00-24:00"))
    }

    @Test("an agent's schedule is its own, else its account's, else none")
    func scheduleOfAgent() throws {
        let config = try ConfigParser.parse(Self.example, file: "config.yaml")
        #expect(config.agents.map(\.schedule) == ["paris-office", nil, nil, "nights"])
        #expect(config.agents.map { config.scheduleName(of: $0) } == ["paris-office", "paris-office", nil, "nights"])
        #expect(config.agents.map { config.schedule(of: $0)?.name } == ["paris-office", "paris-office", nil, "nights"])
        #expect(config.account(named: "support-eu")?.schedule == "paris-office")
    }

    @Test("the one-account form: agents name schedules, the rest are always on")
    func oneAccountForm() throws {
        let yaml = "schedules:\n  late:\n    timezone: UTC\n    weekly:\n      mon: 18:00-24:00\n"
            + "agents:\n  - id: x\n    schedule: late\n  - id: y\n"
        let config = try ConfigParser.parse(yaml, file: "config.yaml")
        #expect(config.agents.map { config.scheduleName(of: $0) } == ["late", nil])
        #expect(config.schedules["late"]?.weekly == [.monday: Self.spans("18:00-24:00")])
    }

    @Test("touching spans, 24:00, overnight spans meeting the next day, closed days and empty sections are fine")
    func acceptedShapes() throws {
        let yaml = """
            schedules:
              a:
                timezone: Asia/Tokyo
                weekly:
                  mon-sun: 00:00-24:00
              b:
                timezone: Europe/London
                weekly:
                  sun: 22:00-06:00
                  mon: 06:00-09:00, 09:00-12:00
                  tue: closed
                  sat: 18:00-00:00
                except:
              c:
                timezone: Etc/GMT-2
                except:
                  2028-02-29: 10:00-11:00
            """
        let config = try ConfigParser.parse(yaml, file: "config.yaml")
        #expect(config.schedules["a"]?.weekly.count == 7)
        #expect(config.schedules["a"]?.shift(at: Date(timeIntervalSince1970: 1_790_000_000)) == .alwaysOn)
        #expect(config.schedules["b"]?.weekly[.tuesday] == [])
        #expect(config.schedules["b"]?.weekly[.saturday] == Self.spans("18:00-00:00"))
        #expect(config.schedules["c"]?.exceptions == [LocalDate("2028-02-29")!: Self.spans("10:00-11:00")])
        #expect(try ConfigParser.parse("schedules:\n", file: "c.yaml").schedules.isEmpty)
        #expect(try ConfigParser.parse("schedules: {}\n", file: "c.yaml").schedules.isEmpty)
    }

    @Test("drop-in agents name the main file's schedules")
    func dropIn() throws {
        let main = try ConfigParser.parse("schedules:\n  late:\n    timezone: UTC\nagents:\n  - id: x\n", file: "config.yaml")
        let agents = try ConfigParser.parseDropIn("agents:\n  - id: y\n    schedule: late\n", file: "10.yaml")
        let merged = try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: agents)])
        #expect(merged.agents.map { merged.scheduleName(of: $0) } == [nil, "late"])
        #expect(merged.schedules == main.schedules)
    }

    @Test("a hand-built config: defaults keep working, and an account's schedule is found by name")
    func handBuilt() {
        var config = PresenceConfig(accounts: [AccountSettings(name: "a"), AccountSettings(name: "b", schedule: "s")])
        #expect(config.schedules.isEmpty)
        let agent = AgentSpec(identity: .id("x"), account: "b")
        #expect(config.scheduleName(of: agent) == "s")
        #expect(config.schedule(of: agent) == nil)
        config.accounts[1].schedule = nil
        #expect(config.scheduleName(of: agent) == nil)
        config.accounts[0].schedule = "t"
        #expect(config.scheduleName(of: AgentSpec(identity: .id("x"), account: "a", schedule: "own")) == "own")
        #expect(config.scheduleName(of: AgentSpec(identity: .id("x"), account: "a")) == "t")
    }
}
