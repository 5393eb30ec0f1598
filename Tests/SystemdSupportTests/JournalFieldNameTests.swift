import SystemdSupport
import Testing

@Suite struct JournalFieldNameTests {
    @Test(arguments: [
        ("agent_id", "AGENT_ID"),
        ("agent-id", "AGENT_ID"),
        ("http.status", "HTTP_STATUS"),
        ("latencyMs", "LATENCYMS"),
        ("_private", "PRIVATE"),
        ("__x__", "X__"),
        ("2fa", "F_2FA"),
        ("_9lives", "F_9LIVES"),
        ("größe", "GR__E"),
        ("a b=c", "A_B_C"),
    ])
    func sanitises(key: String, expected: String) {
        #expect(JournalFieldName.sanitize(key) == expected)
        #expect(JournalFieldName.isValid(expected))
    }

    @Test(arguments: ["", "_", "___"])
    func nothingLeftIsSkipped(key: String) {
        #expect(JournalFieldName.sanitize(key) == nil)
    }

    @Test func longKeysAreCutTo64() throws {
        let name = try #require(JournalFieldName.sanitize(String(repeating: "k", count: 200)))
        #expect(name == String(repeating: "K", count: 64))
        let digit = try #require(JournalFieldName.sanitize("1" + String(repeating: "k", count: 200)))
        #expect(digit.count == 64)
        #expect(digit.hasPrefix("F_1K"))
    }

    @Test func resultsOnlyUseTheJournalAlphabet() throws {
        let name = try #require(JournalFieldName.sanitize("ünïcødé-🚀.key"))
        #expect(name.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 })
        #expect(name.first != "_")
    }
}
