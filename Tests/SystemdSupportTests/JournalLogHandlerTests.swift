import Logging
import SystemdSupport
import Testing

/// The journal handler driven through a real `Logger`, with a capturing sink.
@Suite struct JournalLogHandlerTests {
    struct Refused: Error {}

    private func logger(
        _ captured: Captured<[JournalField]>,
        provider: Logger.MetadataProvider? = nil
    ) -> Logger {
        var logger = Logger(label: "presence.test") { label in
            JournalLogHandler(
                label: label, identifier: "presence-test", level: .info, metadataProvider: provider,
                sink: JournalSink { captured.append($0) }
            )
        }
        logger[metadataKey: "config_generation"] = "3"
        return logger
    }

    private func field(_ entry: [JournalField]?, _ name: String) -> String? {
        entry?.first { $0.name == name }?.text
    }

    @Test func writesOneEntryPerCall() {
        let captured = Captured<[JournalField]>()
        let log = logger(captured)
        log.info("agent online", metadata: [
            "event": PresenceEvent.agentOnline.metadataValue, "agent_id": "A1", "http_status": "201",
        ])
        log.debug("not logged at info")
        #expect(captured.values.count == 1)
        let entry = captured.values.first
        #expect(field(entry, "MESSAGE") == "agent online")
        #expect(field(entry, "PRIORITY") == "6")
        #expect(field(entry, "SYSLOG_IDENTIFIER") == "presence-test")
        #expect(field(entry, "MESSAGE_ID") == PresenceEvent.agentOnline.messageID)
        #expect(field(entry, "AGENT_ID") == "A1")
        #expect(field(entry, "HTTP_STATUS") == "201")
        #expect(field(entry, "CONFIG_GENERATION") == "3")
        #expect(field(entry, "CODE_FILE")?.hasSuffix("JournalLogHandlerTests.swift") == true)
        #expect(field(entry, "CODE_FUNC")?.hasPrefix("writesOneEntryPerCall") == true)
        #expect(Int(field(entry, "CODE_LINE") ?? "") ?? 0 > 0)
    }

    @Test func callMetadataOverridesProviderOverridesHandler() {
        let captured = Captured<[JournalField]>()
        let provider = Logger.MetadataProvider { ["config_generation": "4", "attempt": "1"] }
        logger(captured, provider: provider).warning("retrying", metadata: ["attempt": "2"])
        let entry = captured.values.first
        #expect(field(entry, "CONFIG_GENERATION") == "4")
        #expect(field(entry, "ATTEMPT") == "2")
        #expect(field(entry, "PRIORITY") == "4")
    }

    @Test func attachedErrorBecomesFields() {
        let captured = Captured<[JournalField]>()
        let handler = JournalLogHandler(label: "presence.test", sink: JournalSink { captured.append($0) })
        handler.log(event: LogEvent(
            level: .error, message: "reload refused", error: Refused(), metadata: nil,
            source: nil, file: "F.swift", function: "f()", line: 1
        ))
        let entry = captured.values.first
        #expect(field(entry, "SYSLOG_IDENTIFIER") == "agent-presenced")
        #expect(field(entry, "ERROR_MESSAGE") == "Refused()")
        #expect(field(entry, "ERROR_TYPE")?.hasSuffix("Refused") == true)
    }
}
