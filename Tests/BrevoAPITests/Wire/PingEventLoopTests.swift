import BrevoAPI
import BrevoStandIn
import PresenceCore
import Synchronization
import Testing

/// Pings started on the client's event loop (as the daemon's scheduler will) and off it: each
/// completes once, on the loop, and a ping started from a completion reuses the connection.
@Suite struct PingEventLoopTests {
    @Test func pingsFromAnyThreadCompleteOnTheLoop() async throws {
        try await withStandIn { _, client in
            let loop = BrevoClient.eventLoopGroup.next()
            let offLoop = await withCheckedContinuation { continuation in
                client.agentOnlinePing(alice) { continuation.resume(returning: ($0.isSuccess, loop.inEventLoop)) }
            }
            let onLoop = await withCheckedContinuation { continuation in
                loop.execute {
                    client.agentOnlinePing(alice) { continuation.resume(returning: ($0.isSuccess, loop.inEventLoop)) }
                }
            }
            let unknown = await withCheckedContinuation { continuation in
                client.agentOnlinePing(PingRequest(identity: .id("x"), account: "nobody")) {
                    continuation.resume(returning: ($0.errorClass == .cancelled, loop.inEventLoop))
                }
            }
            #expect(offLoop.0 && offLoop.1)
            #expect(onLoop.0 && onLoop.1)
            #expect(unknown.0 && unknown.1)
        }
    }

    @Test func pingsChainedFromCompletionsReuseOneConnection() async throws {
        try await withStandIn { standIn, client in
            let loop = BrevoClient.eventLoopGroup.next()
            let outcomes = Mutex<[PingOutcome]>([])
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                @Sendable func next() {
                    client.agentOnlinePing(alice) { outcome in
                        let count = outcomes.withLock { $0.append(outcome); return $0.count }
                        if count < 20 { next() } else { continuation.resume() }
                    }
                }
                loop.execute { next() }
            }
            #expect(outcomes.withLock { $0.count } == 20)
            let succeeded = outcomes.withLock { $0.filter { $0.isSuccess }.count }
            #expect(succeeded == 20)
            #expect(standIn.connectionsAccepted == 1)
        }
    }
}
