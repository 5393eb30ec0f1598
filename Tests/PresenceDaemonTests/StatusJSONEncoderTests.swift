import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The hand-written status encoder says the same as the `Codable` conformance through `JSONEncoder`.
@Suite struct StatusJSONEncoderTests {
    static let tricky = "quote \" backslash \\ slash / newline \n tab \t bell \u{07} é 😀"

    static func document() -> StatusDocument {
        let agents = [
            AgentStatus(
                key: "id:a1", id: "a1", email: nil, label: tricky, enabled: true, state: "online",
                lastAttemptAt: "2026-11-24T18:00:00.000Z", lastSuccessAt: "2026-11-24T18:00:00.100Z",
                presumedOnlineUntil: "2026-11-24T18:02:00.100Z", nextPingAt: "2026-11-24T18:01:00.000Z",
                consecutiveFailures: 0, lastError: nil, pingsOK: 12_345, pingsFailed: 0,
                schedule: "paris-office", shiftEndsAt: "2026-11-24T18:30:00.000Z",
                override: OverrideStatus(mode: "online", until: nil, reason: tricky, setAt: "2026-11-24T17:59:00.000Z"),
                bot: "help/bot \"1\""
            ),
            AgentStatus(
                key: "email:liz@example.com", id: nil, email: "liz@example.com", label: nil, enabled: false, state: "disabled",
                lastAttemptAt: nil, lastSuccessAt: nil, presumedOnlineUntil: nil, nextPingAt: nil,
                consecutiveFailures: 3, lastError: "HTTP 503 (server_error): \"down\"", pingsOK: 0, pingsFailed: -1
            ),
        ]
        return StatusDocument(
            pid: 4242, updatedAt: "2026-11-24T18:00:01.000Z",
            config: .init(path: "/etc/agent-presenced/config.yaml", generation: 7, loadedAt: "2026-11-24T17:00:00.000Z",
                          lastReloadError: tricky, lastReloadAt: nil),
            summary: ["online": 1, "disabled": 1, "pending": 0],
            bots: [
                "help/bot \"1\"": BotStatus(
                    state: "down", since: "2026-11-24T17:58:00.000Z", lastProbeAt: "2026-11-24T17:59:30.000Z",
                    lastOKAt: "2026-11-24T17:56:00.000Z", consecutiveFailures: 2, lastError: tricky, latencyMS: 143,
                    probesOK: 40, probesFailed: 2
                ),
                "faq": BotStatus(state: "unknown", since: "2026-11-24T17:00:00.000Z", lastProbeAt: nil, lastOKAt: nil,
                                 consecutiveFailures: 0, lastError: nil, latencyMS: nil, probesOK: 0, probesFailed: 0),
            ],
            agents: agents
        )
    }

    @Test func sameJSONAsTheCodableConformance() throws {
        let document = Self.document()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let reference = try JSONSerialization.jsonObject(with: encoder.encode(document)) as? NSDictionary
        let handWritten = StatusFileWriter.encode(document)
        let parsed = try JSONSerialization.jsonObject(with: handWritten) as? NSDictionary
        #expect(parsed != nil)
        #expect(parsed == reference)
        #expect(try JSONDecoder().decode(StatusDocument.self, from: handWritten) == document)
    }

    @Test func compactWithUnescapedSlashesExplicitNullsAndOneNewline() throws {
        let text = String(decoding: StatusFileWriter.encode(Self.document()), as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect(text.contains("\"path\":\"/etc/agent-presenced/config.yaml\""))
        #expect(text.contains("\"last_reload_at\":null"))
        #expect(text.contains("\"label\":null"))
        #expect(text.contains("\"summary\":{\"pending\":0,\"online\":1,\"disabled\":1}"))
        #expect(text.contains("quote \\\" backslash \\\\ slash / newline \\n tab \\t bell \\u0007"))
        #expect(text.contains(
            "\"bots\":{\"faq\":{\"state\":\"unknown\",\"since\":\"2026-11-24T17:00:00.000Z\",\"last_probe_at\":null,"
                + "\"last_ok_at\":null,\"consecutive_failures\":0,\"last_error\":null,\"latency_ms\":null,"
                + "\"probes_ok\":0,\"probes_failed\":0},\"help/bot \\\"1\\\"\":{\"state\":\"down\","
        ))
        #expect(text.contains("\"probes_ok\":40,\"probes_failed\":2}},\"agents\":["))
        #expect(text.contains("\"override\":null,\"bot\":null}"))
    }

    @Test func theBotsObjectIsThereWithoutBots() throws {
        var document = Self.document()
        document.bots = [:]
        let text = String(decoding: StatusFileWriter.encode(document), as: UTF8.self)
        #expect(text.contains("},\"bots\":{},\"agents\":["))
        #expect(try JSONDecoder().decode(StatusDocument.self, from: Data(text.utf8)) == document)
    }
}
