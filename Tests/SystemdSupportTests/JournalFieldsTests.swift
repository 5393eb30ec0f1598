import Logging
import SystemdSupport
import Testing

/// The fields of built journal entries, decoded back (sd_journal_sendv always writes to
/// /run/systemd/journal/socket, so the pure builder is what the tests check).
@Suite struct JournalFieldsTests {
    private func build(
        level: Logger.Level = .info,
        message: String = "agent online",
        metadata: Logger.Metadata = [:],
        identifier: String = JournalFields.defaultIdentifier
    ) -> [JournalField] {
        JournalFields.build(
            level: level, message: message, metadata: metadata,
            file: "PresenceDaemon/Pinger.swift", function: "ping(agent:)", line: 42,
            identifier: identifier
        )
    }

    private func values(_ fields: [JournalField], _ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.text)
    }

    @Test func standardFieldsComeFirst() {
        let fields = build()
        #expect(fields.prefix(6).map(\.name) == [
            "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
        ])
        #expect(values(fields, "MESSAGE") == ["agent online"])
        #expect(values(fields, "PRIORITY") == ["6"])
        #expect(values(fields, "SYSLOG_IDENTIFIER") == ["agent-presenced"])
        #expect(values(fields, "CODE_FILE") == ["PresenceDaemon/Pinger.swift"])
        #expect(values(fields, "CODE_LINE") == ["42"])
        #expect(values(fields, "CODE_FUNC") == ["ping(agent:)"])
        #expect(values(fields, "MESSAGE_ID").isEmpty)
    }

    @Test func identifierIsConfigurable() {
        #expect(values(build(identifier: "presence-test"), "SYSLOG_IDENTIFIER") == ["presence-test"])
    }

    @Test(arguments: Logger.Level.allCases)
    func priorityFollowsLevel(level: Logger.Level) {
        #expect(values(build(level: level), "PRIORITY") == [String(SyslogPriority.value(for: level))])
    }

    @Test func metadataBecomesUpperCaseFieldsSortedByKey() {
        let fields = build(metadata: [
            "agent_id": "d9nKoegKSjmCtyK78", "http-status": "201", "latency.ms": .stringConvertible(87),
            "_": "dropped",
        ])
        #expect(fields.dropFirst(6).map(\.name) == ["AGENT_ID", "HTTP_STATUS", "LATENCY_MS"])
        #expect(values(fields, "AGENT_ID") == ["d9nKoegKSjmCtyK78"])
        #expect(values(fields, "LATENCY_MS") == ["87"])
    }

    @Test(arguments: PresenceEvent.allCases)
    func eventBecomesMessageID(event: PresenceEvent) {
        let fields = build(metadata: [PresenceEvent.metadataKey: event.metadataValue])
        #expect(values(fields, "MESSAGE_ID") == [event.messageID])
        #expect(values(fields, "EVENT") == [event.rawValue])
    }

    @Test func unknownEventGetsNoMessageID() {
        let fields = build(metadata: ["event": "something_else"])
        #expect(values(fields, "MESSAGE_ID").isEmpty)
        #expect(values(fields, "EVENT") == ["something_else"])
    }

    @Test func metadataCannotOverrideStandardFields() {
        let fields = build(metadata: ["message": "spoof", "priority": "0", "message_id": "x"])
        #expect(values(fields, "MESSAGE") == ["agent online"])
        #expect(values(fields, "PRIORITY") == ["6"])
        #expect(values(fields, "F_MESSAGE") == ["spoof"])
        #expect(values(fields, "F_PRIORITY") == ["0"])
        #expect(values(fields, "F_MESSAGE_ID") == ["x"])
    }

    @Test func largeValuesArePassedWhole() {
        let mebibyte = String(repeating: "0123456789abcdef", count: 65_536)
        let fields = build(message: "big\nmessage", metadata: ["response_body": .string(mebibyte)])
        let body = fields.first { $0.name == "RESPONSE_BODY" }
        #expect(body?.value.count == 1_048_576)
        #expect(body?.text == mebibyte)
        #expect(body?.assignment.count == "RESPONSE_BODY=".utf8.count + 1_048_576)
        // Newlines are kept: journald stores multi-line values whole.
        #expect(values(fields, "MESSAGE") == ["big\nmessage"])
    }

    @Test func assignmentIsNameEqualsValue() {
        let field = JournalField(name: "AGENT_ID", value: [0x61, 0x0A, 0x00, 0x62])
        #expect(field.assignment == Array("AGENT_ID=".utf8) + [0x61, 0x0A, 0x00, 0x62])
    }
}
