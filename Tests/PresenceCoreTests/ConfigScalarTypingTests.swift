import PresenceCore
import Testing

/// YAML 1.1 typing of the few typed settings, decided without Yams' regex resolver
/// (`PlainScalar`): plain scalars have types, quoted ones are text.
@Suite("ConfigParser: scalar typing")
struct ConfigScalarTypingTests {
    private func agent(_ fields: String) throws -> AgentSpec? {
        try ConfigParser.parse("agents:\n  - id: a1\n    \(fields)\n", file: "c.yaml").agents.first
    }

    @Test(arguments: ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"])
    func everyYAML11SpellingOfFalseDisables(_ word: String) throws {
        #expect(try agent("enabled: \(word)")?.enabled == false)
    }

    @Test(arguments: ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"])
    func everyYAML11SpellingOfTrueEnables(_ word: String) throws {
        #expect(try agent("enabled: \(word)")?.enabled == true)
    }

    @Test(arguments: ["\"false\"", "'no'", "fals", "tRuE", "0", "~"])
    func quotedOrMisspelledBooleansAreRefused(_ word: String) {
        expectOneConfigIssue("agents:\n  - id: a1\n    enabled: \(word)\n", keyPath: "agents[0].enabled", line: 3,
                             mentions: "expected true or false")
    }

    @Test func anExplicitBoolTagIsHonoured() throws {
        #expect(try agent("enabled: !!bool \"false\"")?.enabled == false)
    }

    @Test(arguments: ["100", "+100", "1_00", "0x64"])
    func plainWholeNumbersAreNumbers(_ text: String) throws {
        let config = try ConfigParser.parse("rate_limit:\n  requests_per_hour: \(text)\n", file: "c.yaml")
        #expect(config.rateLimit.requestsPerHour == 100)
    }

    @Test(arguments: ["\"100\"", "'100'", "1e2", "100.0", "hundred"])
    func quotedOrFractionalNumbersAreRefused(_ text: String) {
        expectOneConfigIssue("rate_limit:\n  requests_per_hour: \(text)\n", keyPath: "rate_limit.requests_per_hour",
                             line: 2, mentions: "expected a whole number")
    }

    @Test(arguments: ["~", "null", "Null", "NULL", ""])
    func plainNullsMeanNothing(_ text: String) {
        expectOneConfigIssue("agents:\n  - id: \(text)\n", keyPath: "agents[0].id", line: 2, mentions: "needs a value")
    }

    @Test(arguments: ["\"null\"", "'~'", "nil", "NULLS"])
    func quotedNullsAndLookalikesAreText(_ text: String) throws {
        let id = try agent("label: \(text)").flatMap(\.label)
        #expect(id != nil)
        #expect(try ConfigParser.parse("agents:\n  - id: \(text)\n", file: "c.yaml").agents.count == 1)
    }

    @Test func numbersAndBooleansAsIDsAreText() throws {
        let agents = try ConfigParser.parse("agents:\n  - id: 12345\n  - id: true\n  - id: 0x1F\n", file: "c.yaml").agents
        #expect(agents.map(\.identity) == [.id("12345"), .id("true"), .id("0x1F")])
    }
}
