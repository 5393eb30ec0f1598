import Testing
@testable import PresenceDaemon

@Suite struct SleepDetectorTests {
    @Test func bootTimeGainingOnMonotonicTimeIsASuspend() {
        let slept = SleepDetector.sleep(from: (boot: 0, monotonic: 0), to: (boot: 70_000_000_000, monotonic: 10_000_000_000))
        #expect(slept == .seconds(60))
    }

    @Test func clocksAdvancingTogetherAreNoSuspend() {
        #expect(SleepDetector.sleep(from: (boot: 5, monotonic: 7), to: (boot: 1_000_000_005, monotonic: 1_000_000_007)) == nil)
        #expect(SleepDetector.sleep(from: (boot: 0, monotonic: 0), to: (boot: 4_000_000_000, monotonic: 0)) == nil)
    }

    @Test func aLiveCheckFindsNoSuspend() {
        var detector = SleepDetector()
        #expect(detector.check() == nil)
    }
}
