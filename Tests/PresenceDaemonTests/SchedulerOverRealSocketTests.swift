import BrevoAPI
import BrevoStandIn
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The real scheduler, event-loop timers and Brevo client against the stand-in over a socket.
@Suite struct SchedulerOverRealSocketTests {
    @Test func aConnectionResetIsRetriedBeforeTheNextTick() async throws {
        let standIn = try await BrevoStandIn.start(apiKey: "k", faults: FaultPlan(connection: .reset))
        let client = BrevoClient(baseURL: standIn.baseURL, apiKey: "k", timeout: .seconds(2))
        let timers = EventLoopTimers(on: BrevoClient.eventLoopGroup.next())
        let config = PresenceConfig(
            ping: PingSettings(interval: .seconds(30), jitter: .zero, timeout: .seconds(2), presenceWindow: .seconds(60)),
            agents: [AgentSpec(identity: .id("reset-me"))]
        )
        let scheduler = PresenceScheduler(config: config, clock: DispatchClock(), timers: timers, transport: BrevoPingTransport(client: client))
        timers.sync { scheduler.start() }
        // Wait (bounded) for the first attempt to be cut, then let the stand-in answer again.
        // The waits block this thread rather than sleep in a task: while the binary tests run,
        // their blocking waits can hold every thread of the cooperative pool for many seconds.
        let deadline = ContinuousClock.now + .seconds(60)
        while standIn.requests.isEmpty, ContinuousClock.now < deadline { usleep(5_000) }
        standIn.setFaults(.none)
        var record: AgentRecord?
        while ContinuousClock.now < deadline {
            record = timers.sync { scheduler.record(for: AgentKey("id:reset-me")) }
            if record?.state == .online { break }
            usleep(20_000)
        }
        timers.sync { scheduler.stop() }
        await client.shutdown()
        try await standIn.shutdown()
        #expect(record?.state == .online, "the reset was not retried: \(String(describing: record))")
        #expect((record?.pingsFailed ?? 0) >= 1 && record?.pingsOK == 1)
        // Normally one cut attempt and one retry; a loaded machine may clear the fault after a
        // second cut. Either way the retries came before the 30 s tick.
        let times = standIn.requests.map(\.monotonicNanoseconds)
        let span = Double((times.max() ?? 0) - (times.min() ?? 0)) / 1e9
        #expect(times.count >= 2 && span < 30, "\(times.count) requests over \(span) s")
    }
}
