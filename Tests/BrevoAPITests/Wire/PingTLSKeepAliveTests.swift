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

/// A proxy that wants credentials refuses a plain-HTTP ping (absolute-form, no tunnel) with the
/// same message as a refused tunnel. (The scripted server plays the proxy: tinyproxy closes
/// with the request's body unread, so the client sees a reset rather than its 407.)
@Suite struct PingPlainProxyTests {
    @Test func a407ToAPlainHTTPPingNamesTheProxy() async throws {
        let refusal = "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"p\"\r\nContent-Length: 0\r\n\r\n"
        let server = try await ScriptedServer.start { _ in .answer(refusal) }
        let proxy = ForwardProxy(address: ProxyAddress(host: "127.0.0.1", port: server.port), origin: "proxy.url",
                                 credentials: ProxyUserInfo(username: "presence", password: "nope-WRONG"))
        let client = BrevoClient(accounts: [BrevoAccountCredentials(baseURL: "http://api.example.invalid/v3", apiKey: testKey,
                                                                    transport: HTTPTransport(proxy: proxy))],
                                 timeout: .seconds(5))
        let first = await client.agentOnlinePing(alice)
        let second = await client.agentOnlinePing(alice)
        await client.shutdown()
        try await server.shutdown()
        for refused in [first, second] {
            #expect(refused.errorClass == .connect)
            #expect(refused.message == "the proxy http://127.0.0.1:\(server.port) (from proxy.url) refused the tunnel: "
                + "407 Proxy Authentication Required; check the user:password given for it")
            #expect(!leaksKey(refused, "nope-WRONG"))
        }
        // The refused connection is not reused.
        #expect(server.connectionsAccepted == 2)
    }
}
