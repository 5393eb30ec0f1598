import Logging
import SystemdSupport
import Testing

@Suite struct SyslogPriorityTests {
    @Test(arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5),
        (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func mapping(level: Logger.Level, priority: Int) {
        #expect(SyslogPriority.value(for: level) == priority)
    }
}
