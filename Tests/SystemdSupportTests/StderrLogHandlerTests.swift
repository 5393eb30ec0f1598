import Logging
import SystemdSupport
import Testing

/// The stderr handler through a real `Logger`, with a capturing writer.
@Suite struct StderrLogHandlerTests {
    private func lines(
        style: StderrLineStyle,
        label: String = "agent-presenced",
        _ body: (Logger) -> Void
    ) -> [String] {
        let captured = Captured<String>()
        let logger = Logger(label: label) { label in
            StderrLogHandler(
                label: label, level: .debug, style: style, metadataProvider: nil,
                writer: LineWriter { captured.append($0) }
            )
        }
        body(logger)
        return captured.values
    }

    @Test func levelWordFormat() {
        let written = lines(style: .levelWord) {
            $0.info("agent online", metadata: ["agent_id": "A1", "http_status": "201"])
        }
        #expect(written == ["info agent-presenced: agent online agent_id=A1 http_status=201\n"])
    }

    @Test func priorityPrefixFormat() {
        let written = lines(style: .priorityPrefix) {
            $0.warning("ping failed", metadata: ["attempt": "2"])
            $0.debug("ping ok")
            $0.critical("giving up")
        }
        #expect(written == [
            "<4>agent-presenced: ping failed attempt=2\n",
            "<7>agent-presenced: ping ok\n",
            "<2>agent-presenced: giving up\n",
        ])
    }

    @Test func everyEntryIsExactlyOneLine() {
        let written = lines(style: .priorityPrefix) {
            $0.error("line one\nline two", metadata: ["last_error": "boom\nREADY=1", "e\nk": "v"])
        }
        #expect(written == ["<3>agent-presenced: line one line two e_k=v last_error=\"boom READY=1\"\n"])
        #expect(written.allSatisfy { $0.filter { $0 == "\n" }.count == 1 })
    }

    @Test func valuesNeedingQuotesAreQuoted() {
        let written = lines(style: .levelWord) {
            $0.notice("reload refused", metadata: [
                "reason": "unknown key \"pings\"", "empty": "", "path": "/etc/a=b", "plain": "ok",
            ])
        }
        #expect(written == [
            "notice agent-presenced: reload refused empty=\"\" path=\"/etc/a=b\" plain=ok "
                + "reason=\"unknown key \\\"pings\\\"\"\n",
        ])
    }

    @Test func handlerMetadataIsIncluded() {
        let written = lines(style: .levelWord) { logger in
            var logger = logger
            logger[metadataKey: "config_generation"] = "7"
            logger.info("reload applied", metadata: ["event": PresenceEvent.reloadApplied.metadataValue])
        }
        #expect(written == ["info agent-presenced: reload applied config_generation=7 event=reload_applied\n"])
    }

    @Test func emptyLabelIsOmitted() {
        let written = lines(style: .levelWord, label: "") { $0.info("hello") }
        #expect(written == ["info hello\n"])
    }
}
