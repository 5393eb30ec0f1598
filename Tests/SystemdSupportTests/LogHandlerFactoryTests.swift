import Logging
import SystemdSupport
import Testing

@Suite struct LogHandlerFactoryTests {
    @Test func journalTargetMakesJournalHandlers() throws {
        let handler = try #require(
            makeLogHandlerFactory(target: .journal, identifier: "x-test", level: .notice)("presence")
                as? JournalLogHandler
        )
        #expect(handler.identifier == "x-test")
        #expect(handler.label == "presence")
        #expect(handler.logLevel == .notice)
    }

    @Test func stderrTargetMakesStderrHandlers() throws {
        let handler = try #require(
            makeLogHandlerFactory(target: .stderr, level: .debug)("presence") as? StderrLogHandler
        )
        #expect(handler.label == "presence")
        #expect(handler.logLevel == .debug)
    }
}
