import BrevoAPI
import BrevoStandIn
import Dispatch
import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The real scheduler, Dispatch timers and Brevo client against the stand-in over a socket.
@Suite struct SchedulerOverRealSocketTests {
    @Test func aConnectionResetIsRetriedBeforeTheNextTick() async throws {
        let standIn = try await BrevoStandIn.start(apiKey: "k", faults: FaultPlan(connection: .reset))
        let client = BrevoClient(baseURL: standIn.baseURL, apiKey: "k", timeout: .seconds(2))
        let timers = HeapDispatchTimers(label: "test.reset-retry")
        let config = PresenceConfig(
            ping: PingSettings(interval: .seconds(30), jitter: .zero, timeout: .seconds(2), presenceWindow: .seconds(60)),
            agents: [AgentSpec(identity: .id("reset-me"))]
        )
        let scheduler = PresenceScheduler(config: config, clock: DispatchClock(), timers: timers, transport: BrevoPingTransport(client: client))
        timers.queue.sync { scheduler.start() }
        // Wait (bounded) for the first attempt to be cut, then let the stand-in answer again.
        let deadline = ContinuousClock.now + .seconds(20)
        while standIn.requests.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        standIn.setFaults(.none)
        var record: AgentRecord?
        while ContinuousClock.now < deadline {
            record = timers.queue.sync { scheduler.record(for: AgentKey("id:reset-me")) }
            if record?.state == .online { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        timers.queue.sync { scheduler.stop() }
        await client.shutdown()
        try await standIn.shutdown()
        #expect(record?.state == .online, "the reset was not retried: \(String(describing: record))")
        #expect(record?.pingsFailed == 1 && record?.pingsOK == 1)
        #expect(standIn.requests.count == 2, "one cut attempt and one retry, well before the 30 s tick")
    }
}
