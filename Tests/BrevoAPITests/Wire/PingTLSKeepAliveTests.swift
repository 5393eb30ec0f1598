import BrevoAPI
import BrevoStandIn
import HTTPTestSupport
import PresenceCore
import Testing

/// Keep-alive over TLS, directly and inside a proxy's tunnel: one handshake, one tunnel, many pings.
@Suite(.serialized) struct PingTLSKeepAliveTests {
    @Test func pingsOverTLSShareOneConnection() async throws {
        try await withTLSStandIn { standIn, certificates in
            let client = try tlsClient(standIn, trusting: certificates.caFile)
            var outcomes: [PingOutcome] = []
            for _ in 0..<5 { outcomes.append(await client.agentOnlinePing(alice)) }
            await client.shutdown()
            #expect(outcomes.allSatisfy { $0.isSuccess })
            #expect(standIn.connectionsAccepted == 1)
        }
    }

    @Test func pingsThroughAProxyShareOneTunnel() async throws {
        let proxy = try Tinyproxy()
        defer { proxy.stop() }
        try await withTLSStandIn { standIn, certificates in
            let client = try tlsClient(standIn, trusting: certificates.caFile, proxy: forward(proxy))
            var outcomes: [PingOutcome] = []
            for _ in 0..<5 { outcomes.append(await client.agentOnlinePing(alice)) }
            await client.shutdown()
            #expect(outcomes.allSatisfy { $0.isSuccess })
            #expect(standIn.requests.count == 5)
            #expect(proxy.connectTargets == ["127.0.0.1:\(standIn.port)"])
        }
    }

    @Test func aHungTLSServerTimesOutAndTheNextPingOpensAFreshConnection() async throws {
        try await withTLSStandIn(faults: FaultPlan(connection: .hang)) { standIn, certificates in
            let transport = HTTPTransport(trust: try TrustAnchors.read(certificates.caFile))
            let client = BrevoClient(accounts: [BrevoAccountCredentials(baseURL: standIn.baseURL, apiKey: testKey, transport: transport)],
                                     timeout: .milliseconds(300))
            let hung = await client.agentOnlinePing(alice)
            standIn.setFaults(.none)
            let next = await client.agentOnlinePing(alice)
            await client.shutdown()
            #expect(hung.errorClass == .timeout)
            #expect(next.isSuccess)
            #expect(standIn.requests.map(\.connection) == [1, 2])
        }
    }
}
