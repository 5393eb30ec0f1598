import Glibc
import SystemdSupport
import Testing

extension ProcessEnvironmentTests {
    /// sd_notify against a real datagram socket that NOTIFY_SOCKET points at.
    @Suite struct SystemdNotifierTests {
        let notifier = SystemdNotifier()

        private func sent(_ action: (SystemdNotifier) -> NotifyOutcome) throws -> (NotifyOutcome, String) {
            let listener = try NotifySocketListener()
            return try withEnvironment(["NOTIFY_SOCKET": listener.path]) {
                let outcome = action(notifier)
                return (outcome, try listener.receive())
            }
        }

        @Test func readySendsReadyAndStatus() throws {
            let (outcome, text) = try sent { $0.ready(status: "Pinging 3 agents every 60s") }
            #expect(outcome == .sent)
            #expect(text == "READY=1\nSTATUS=Pinging 3 agents every 60s")
        }

        @Test func readyStatusIsOneLine() throws {
            let (_, text) = try sent { $0.ready(status: "line one\nREADY=0\r\nthree") }
            #expect(text == "READY=1\nSTATUS=line one READY=0 three")
        }

        @Test func reloadingCarriesMonotonicMicroseconds() throws {
            let before = MonotonicClock.nowMicroseconds()
            let (outcome, text) = try sent { $0.reloading() }
            let after = MonotonicClock.nowMicroseconds()
            #expect(outcome == .sent)
            let lines = text.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines.first == "RELOADING=1")
            let stamp = lines.last.flatMap { $0.split(separator: "=").last }.flatMap { UInt64($0) }
            #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
            #expect(stamp.map { before <= $0 && $0 <= after } == true)
        }

        @Test func reloadingWithExplicitTime() throws {
            let (_, text) = try sent { $0.reloading(monotonicMicroseconds: 1_234_567) }
            #expect(text == "RELOADING=1\nMONOTONIC_USEC=1234567")
        }

        @Test func stoppingWithAndWithoutStatus() throws {
            #expect(try sent { $0.stopping() }.1 == "STOPPING=1")
            #expect(try sent { $0.stopping(status: "Stopping") }.1 == "STOPPING=1\nSTATUS=Stopping")
        }

        @Test func watchdogSendsKeepAlive() throws {
            #expect(try sent { $0.watchdog() }.1 == "WATCHDOG=1")
        }

        @Test func statusOnly() throws {
            #expect(try sent { $0.status("2 online, 1 retrying") }.1 == "STATUS=2 online, 1 retrying")
        }

        @Test func failureSendsStatusAndErrno() throws {
            let (_, text) = try sent { $0.failure(status: "config: line 3: unknown key", errno: EINVAL) }
            #expect(text == "STATUS=config: line 3: unknown key\nERRNO=\(EINVAL)")
        }

        @Test func environmentIsKeptForLaterMessages() throws {
            let listener = try NotifySocketListener()
            try withEnvironment(["NOTIFY_SOCKET": listener.path]) {
                #expect(notifier.ready(status: "up") == .sent)
                #expect(notifier.isConfigured)
                #expect(notifier.watchdog() == .sent)
                let first = try listener.receive()
                let second = try listener.receive()
                #expect(first == "READY=1\nSTATUS=up")
                #expect(second == "WATCHDOG=1")
            }
        }

        @Test func noSocketIsANoOp() {
            withEnvironment(["NOTIFY_SOCKET": nil]) {
                #expect(!notifier.isConfigured)
                #expect(notifier.ready(status: "up") == .notConfigured)
                #expect(notifier.watchdog() == .notConfigured)
            }
        }

        @Test func vanishedSocketReportsFailure() {
            withEnvironment(["NOTIFY_SOCKET": "/tmp/apd-notify-missing-\(getpid()).sock"]) {
                guard case .failed(let code) = notifier.watchdog() else {
                    Issue.record("expected a failure")
                    return
                }
                #expect(code > 0)
            }
        }
    }
}
