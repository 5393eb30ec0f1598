@testable import BrevoAPI
import BrevoStandIn
import NIOCore
import PresenceCore
import Synchronization
import Testing

/// The pool's cap of 8 connections per endpoint, its queue, and deadlines that pass in it.
@Suite struct PingConnectionPoolTests {
    @Test func atMostEightConnectionsAndTheRestQueueAndAllAreServed() async throws {
        try await withStandIn(faults: FaultPlan(latency: .milliseconds(150))) { standIn, client in
            let outcomes = await withTaskGroup(of: PingOutcome.self) { group in
                for index in 0..<30 {
                    group.addTask { await client.agentOnlinePing(PingRequest(identity: .id("ag\(index)"))) }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.allSatisfy { $0.isSuccess })
            // Never more than 8 (exactly 8 is the next test's, where none ever frees up).
            #expect((1...8).contains(standIn.connectionsAccepted))
            #expect(Set(standIn.requests.compactMap(\.agentId)).count == 30)
        }
    }

    @Test func aDeadlineThatPassesWhileWaitingForAConnectionFailsOnlyThatPing() async throws {
        try await withBareStandIn(faults: FaultPlan(connection: .hang)) { standIn in
            let endpoint = try PingEndpoint(url: standIn.baseURL + "/conversations/agentOnlinePing", transport: .direct)
            let head = try PingRequestHead(endpoint: endpoint, apiKey: testKey, userAgent: "test")
            let pool = PingConnectionPool(endpoint: endpoint, eventLoop: BrevoClient.eventLoopGroup.next())
            let results = Mutex<[Int: String]>([:])
            let send: @Sendable (Int, TimeAmount) -> Void = { index, amount in
                let exchange = PingExchange(
                    request: head.request(PingRequestBody(alice), allocator: ByteBufferAllocator()), deadline: .now() + amount
                ) { result in
                    let text: String
                    switch result {
                    case .success(let answer): text = "status \(answer.status)"
                    case .failure(let error): text = TransportErrorClassifier.classify(error).1
                    }
                    results.withLock { $0[index] = text }
                }
                pool.eventLoop.execute { pool.send(exchange) }
            }
            // Eight pings hold every connection (the stand-in never answers them)...
            for index in 0..<8 { send(index, .seconds(60)) }
            for _ in 0..<500 where standIn.requests.count < 8 {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(standIn.requests.count == 8)
            // ...so the ninth waits, and its deadline passes while it does.
            send(8, .milliseconds(200))
            for _ in 0..<500 where results.withLock({ $0[8] }) == nil {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(results.withLock { $0[8] } == "no complete answer within the timeout")
            #expect(results.withLock { $0.count } == 1)
            #expect(standIn.connectionsAccepted == 8)
            // Shutting the pool down ends the eight others, and later pings, as cancelled.
            await pool.shutdown()
            send(9, .seconds(60))
            for _ in 0..<500 where results.withLock({ $0.count }) < 10 {
                try await Task.sleep(for: .milliseconds(10))
            }
            let cancelled = results.withLock { results in (0..<8).map { results[$0] } + [results[9]] }
            #expect(cancelled.allSatisfy { $0 == "HTTP client already shut down" }, "\(cancelled)")
            #expect(pool.isClosed)
        }
    }

    @Test func aRetiredPoolClosesOnceItsPingsAreDone() async throws {
        try await withBareStandIn(apiKeys: [keyA, keyB]) { standIn in
            let other = try await BrevoStandIn.start(apiKeys: [keyB])
            let client = BrevoClient(accounts: [BrevoAccountCredentials(name: "a", baseURL: standIn.baseURL, apiKey: keyA)],
                                     timeout: .seconds(5))
            #expect(await client.agentOnlinePing(PingRequest(identity: .id("x"), account: "a")).isSuccess)
            #expect(client.pools.count == 1)
            // The account moves to another host: the first endpoint's pool is retired and closes.
            client.updateCredentials([BrevoAccountCredentials(name: "a", baseURL: other.baseURL, apiKey: keyB)])
            #expect(await client.agentOnlinePing(PingRequest(identity: .id("y"), account: "a")).isSuccess)
            // Each update forgets the retired pools that have closed since.
            for _ in 0..<200 where client.pools.count > 1 {
                try await Task.sleep(for: .milliseconds(10))
                client.updateCredentials([BrevoAccountCredentials(name: "a", baseURL: other.baseURL, apiKey: keyB)])
            }
            #expect(client.pools.count == 1)
            await client.shutdown()
            try await other.shutdown()
            #expect(other.requests.map(\.agentId) == ["y"])
        }
    }
}
