import Foundation
import PresenceCore

/// A scheduler on virtual time with a scripted transport, started at the timeline's now.
struct SchedulerHarness {
    let timeline: VirtualTimeline
    let transport: ScriptedTransport
    let broker: ScriptedProbeTransport
    let scheduler: PresenceScheduler
    let start: MonotonicTime

    init(
        _ config: PresenceConfig, seed: UInt64 = 42, observer: any PresenceObserver = SilentPresenceObserver(),
        retryPolicy: RetryPolicy = RetryPolicy(), retryBudget: RetryBudget? = nil, wallStart: Date? = nil
    ) {
        timeline = wallStart.map { VirtualTimeline(wallStart: $0) } ?? VirtualTimeline()
        transport = ScriptedTransport(timeline: timeline)
        broker = ScriptedProbeTransport(timeline: timeline)
        scheduler = PresenceScheduler(
            config: config, clock: timeline, timers: timeline, transport: transport,
            random: SeededRandom(seed: seed), observer: observer, retryPolicy: retryPolicy, retryBudget: retryBudget,
            probeTransport: broker
        )
        start = timeline.now
        scheduler.start()
    }

    /// Runs the timeline until `duration` after the start.
    func run(for duration: Duration) {
        timeline.advance(to: start + duration)
    }
}
