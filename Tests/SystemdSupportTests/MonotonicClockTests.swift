import SystemdSupport
import Testing

@Suite struct MonotonicClockTests {
    @Test func neverGoesBackwards() {
        var previous = MonotonicClock.nowNanoseconds()
        for _ in 0..<1_000 {
            let now = MonotonicClock.nowNanoseconds()
            #expect(now >= previous)
            previous = now
        }
    }

    @Test func microsecondsMatchNanoseconds() {
        let nanoseconds = MonotonicClock.nowNanoseconds()
        let microseconds = MonotonicClock.nowMicroseconds()
        #expect(microseconds >= nanoseconds / 1_000)
        #expect(microseconds > 0)
    }
}
