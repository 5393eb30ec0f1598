import SystemdSupport
import Testing

/// The watchdog gate in virtual time: nanosecond instants passed in, no clock read.
@Suite struct WatchdogGateTests {
    private let second: UInt64 = 1_000_000_000

    /// Runs the gate with progress every `progressEvery` seconds (nil: never) and a check every
    /// second, for `seconds`; returns the seconds at which it pinged.
    private func pings(timeoutSeconds: UInt64, progressEvery: UInt64?, seconds: UInt64,
                       stallAfter: UInt64 = .max) throws -> [UInt64] {
        let configuration = try #require(WatchdogConfiguration(timeoutMicroseconds: timeoutSeconds * 1_000_000))
        var gate = WatchdogGate(configuration: configuration, startedAt: 0)
        var pinged: [UInt64] = []
        for t in 1...seconds {
            if let every = progressEvery, t % every == 0, t <= stallAfter {
                gate.recordProgress(at: t * second)
            }
            if gate.shouldPing(at: t * second) { pinged.append(t) }
        }
        return pinged
    }

    @Test func cadenceIsHalfTheTimeout() throws {
        #expect(try pings(timeoutSeconds: 30, progressEvery: 1, seconds: 100) == [15, 30, 45, 60, 75, 90])
        #expect(try pings(timeoutSeconds: 4, progressEvery: 1, seconds: 10) == [2, 4, 6, 8, 10])
    }

    @Test func noProgressNoPing() throws {
        #expect(try pings(timeoutSeconds: 30, progressEvery: nil, seconds: 100).isEmpty)
    }

    @Test func stalledSchedulerStopsPinging() throws {
        // Progress until t=40: the ping at 45 still covers progress at 31…40, then nothing.
        #expect(try pings(timeoutSeconds: 30, progressEvery: 1, seconds: 100, stallAfter: 40) == [15, 30, 45])
    }

    @Test func sparseProgressDelaysThePingUntilProgress() throws {
        // Progress every 20 s with a 15 s interval: pings only follow fresh progress.
        #expect(try pings(timeoutSeconds: 30, progressEvery: 20, seconds: 100) == [20, 40, 60, 80, 100])
    }

    @Test func progressBeforeTheIntervalWaitsForIt() {
        var gate = WatchdogGate(pingIntervalNanoseconds: 10 * second, startedAt: 100 * second)
        gate.recordProgress(at: 101 * second)
        let early = gate.shouldPing(at: 109 * second)
        let due = gate.shouldPing(at: 110 * second)
        #expect(!early)
        #expect(due)
        #expect(gate.lastPingAt == 110 * second)
        #expect(!gate.hasProgressSinceLastPing)
        // The ping consumed the progress: no second ping without new progress.
        let again = gate.shouldPing(at: 125 * second)
        #expect(!again)
    }

    @Test func clockGoingBackwardsNeverPingsEarly() {
        var gate = WatchdogGate(pingIntervalNanoseconds: 10 * second, startedAt: 50 * second)
        gate.recordProgress(at: 40 * second)
        let backwards = gate.shouldPing(at: 40 * second)
        let due = gate.shouldPing(at: 60 * second)
        #expect(!backwards)
        #expect(due)
    }
}
