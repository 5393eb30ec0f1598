@testable import BrevoAPI
import BrevoStandIn
import NIOCore
import PresenceCore
import Synchronization
import Testing

/// One pool's deadlines, kept by one callback: pings that end sooner than those before them,
/// and no callback left once every ping is done.
@Suite struct PingDeadlinesTests {
    /// A pool on the stand-in at `url`, and a way to send it pings that record how they end.
    private final class Harness: Sendable {
        let pool: PingConnectionPool
        let head: PingRequestHead
        let results = Mutex<[Int: String]>([:])

        init(url: String) throws {
            let endpoint = try PingEndpoint(url: url + "/conversations/agentOnlinePing", transport: .direct)
            head = try PingRequestHead(endpoint: endpoint, apiKey: testKey, userAgent: "test")
            pool = PingConnectionPool(endpoint: endpoint, eventLoop: BrevoClient.eventLoopGroup.next())
        }

        func send(_ index: Int, within amount: TimeAmount) {
            let exchange = PingExchange(
                request: head.request(PingRequestBody(alice), allocator: ByteBufferAllocator()), deadline: .now() + amount
            ) { [self] result in
                let text: String
                switch result {
                case .success(let answer): text = "status \(answer.status)"
                case .failure(let error): text = TransportErrorClassifier.classify(error).1
                }
                results.withLock { $0[index] = text }
            }
            pool.eventLoop.execute { [pool] in pool.send(exchange) }
        }

        func result(_ index: Int) async throws -> String? {
            for _ in 0..<500 where results.withLock({ $0[index] }) == nil {
                try await Task.sleep(for: .milliseconds(10))
            }
            return results.withLock { $0[index] }
        }

        var isArmed: Bool {
            get async throws { try await pool.eventLoop.submit { [pool] in pool.deadlines.isArmed }.get() }
        }
    }

    @Test func aPingThatMustEndSoonerThanThoseBeforeItEndsFirst() async throws {
        try await withBareStandIn(faults: FaultPlan(connection: .hang)) { standIn in
            let harness = try Harness(url: standIn.baseURL)
            harness.send(0, within: .seconds(60))
            harness.send(1, within: .seconds(60))
            // Sent last, with the earliest deadline: the check armed for the first must move.
            harness.send(2, within: .milliseconds(200))
            #expect(try await harness.result(2) == "no complete answer within the timeout")
            #expect(harness.results.withLock { $0.count } == 1)
            // The two others are still out, and still watched.
            #expect(try await harness.isArmed)
            await harness.pool.shutdown()
            #expect(try await harness.result(0) == "HTTP client already shut down")
            #expect(try await harness.result(1) == "HTTP client already shut down")
            #expect(try await !harness.isArmed)
        }
    }

    @Test func noCheckIsLeftOnceEveryPingIsAnswered() async throws {
        try await withBareStandIn { standIn in
            let harness = try Harness(url: standIn.baseURL)
            for index in 0..<5 { harness.send(index, within: .seconds(30)) }
            for index in 0..<5 {
                let result = try await harness.result(index)
                #expect(result == "status 201")
            }
            // Nothing is out, so nothing may wake the loop at the deadlines 30 s away.
            #expect(try await !harness.isArmed)
            await harness.pool.shutdown()
        }
    }

    @Test func aPingSentAfterAnExpiryIsWatchedAgain() async throws {
        try await withBareStandIn(faults: FaultPlan(connection: .hang)) { standIn in
            let harness = try Harness(url: standIn.baseURL)
            harness.send(0, within: .milliseconds(100))
            #expect(try await harness.result(0) == "no complete answer within the timeout")
            #expect(try await !harness.isArmed)
            harness.send(1, within: .milliseconds(100))
            #expect(try await harness.result(1) == "no complete answer within the timeout")
            await harness.pool.shutdown()
        }
    }
}
