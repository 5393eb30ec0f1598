import Glibc
import SystemdSupport
import Testing

@Suite struct WatchdogConfigurationTests {
    @Test func pingIntervalIsHalfTheTimeout() throws {
        let configuration = try #require(WatchdogConfiguration(timeoutMicroseconds: 30_000_000))
        #expect(configuration.timeout == .seconds(30))
        #expect(configuration.pingInterval == .seconds(15))
        #expect(configuration.pingIntervalNanoseconds == 15_000_000_000)
    }

    @Test func zeroTimeoutMeansOff() {
        #expect(WatchdogConfiguration(timeoutMicroseconds: 0) == nil)
    }
}

extension ProcessEnvironmentTests {
    /// sd_watchdog_enabled reading WATCHDOG_USEC / WATCHDOG_PID from the real environment.
    @Suite struct WatchdogEnvironmentTests {
        @Test func enabledForThisProcess() {
            let configuration = withEnvironment([
                "WATCHDOG_USEC": "20000000", "WATCHDOG_PID": String(getpid()),
            ]) { WatchdogConfiguration.fromEnvironment() }
            #expect(configuration?.timeout == .seconds(20))
            #expect(configuration?.pingInterval == .seconds(10))
        }

        @Test func anotherProcessesWatchdogIsIgnored() {
            let configuration = withEnvironment([
                "WATCHDOG_USEC": "20000000", "WATCHDOG_PID": String(getpid() + 1),
            ]) { WatchdogConfiguration.fromEnvironment() }
            #expect(configuration == nil)
        }

        @Test func unsetOrMalformedIsOff() {
            withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
                #expect(WatchdogConfiguration.fromEnvironment() == nil)
            }
            withEnvironment(["WATCHDOG_USEC": "soon", "WATCHDOG_PID": nil]) {
                #expect(WatchdogConfiguration.fromEnvironment() == nil)
            }
        }

        @Test func environmentIsNotUnset() {
            withEnvironment(["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": String(getpid())]) {
                _ = WatchdogConfiguration.fromEnvironment()
                #expect(getenv("WATCHDOG_USEC") != nil)
            }
        }
    }
}
