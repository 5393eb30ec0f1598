import BrevoAPI
import BrevoStandIn
import PresenceCore
import Testing

/// Recycling the pooled connections: new pings open a fresh connection, pings in flight finish.
@Suite struct BrevoClientRecycleTests {
    @Test func nextPingAfterRecycleUsesANewConnection() async throws {
        try await withStandIn { standIn, client in
            let transport = BrevoPingTransport(client: client)
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(await client.agentOnlinePing(alice).isSuccess)
            transport.recycleConnections()
            #expect(client.connectionGeneration == 1)
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(await client.agentOnlinePing(alice).isSuccess)
            // Two pings on the first connection (pooled), then two on a fresh one.
            #expect(standIn.requests.map(\.connection) == [1, 1, 2, 2])
        }
    }

    @Test func pingInFlightDuringRecycleCompletes() async throws {
        try await withStandIn(faults: FaultPlan(latency: .milliseconds(400))) { standIn, client in
            let slow = Task { await client.agentOnlinePing(alice) }
            try await waitForRequests(1, at: standIn)
            client.recycleConnections()
            standIn.setFaults(.none)
            let next = await client.agentOnlinePing(alice)
            let first = await slow.value
            #expect(first.isSuccess)
            #expect(first.status == 201)
            #expect(next.isSuccess)
            #expect(standIn.requests.map(\.connection) == [1, 2])
            #expect(standIn.requests.map(\.status) == [201, 201])
        }
    }

    @Test func recyclingRepeatedlyKeepsWorkingAndShutdownClosesEverything() async throws {
        try await withStandIn(faults: FaultPlan(latency: .milliseconds(200))) { standIn, client in
            let pending = (0..<3).map { _ in Task { await client.agentOnlinePing(alice) } }
            try await waitForRequests(3, at: standIn)
            for _ in 0..<3 { client.recycleConnections() }
            #expect(client.connectionGeneration == 3)
            for task in pending {
                #expect(await task.value.isSuccess)
            }
            #expect(await client.agentOnlinePing(alice).isSuccess)
            await client.shutdown()
            #expect(await client.agentOnlinePing(alice).errorClass == .cancelled)
            client.recycleConnections()
            #expect(client.connectionGeneration == 3)
        }
    }

    /// Waits (bounded) until the stand-in has recorded `count` requests.
    private func waitForRequests(_ count: Int, at standIn: BrevoStandIn) async throws {
        for _ in 0..<200 where standIn.requests.count < count {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(standIn.requests.count >= count)
    }
}
