import BrevoAPI
import BrevoStandIn
import HTTPTestSupport
import PresenceCore
import Testing

/// Pings through a real forward proxy (tinyproxy), TLS inside the CONNECT tunnel.
@Suite(.serialized) struct BrevoClientProxyTests {
    @Test func pingsThroughTheProxyWithTLSInsideTheTunnel() async throws {
        let proxy = try Tinyproxy()
        defer { proxy.stop() }
        try await withTLSStandIn { standIn, certificates in
            let client = try tlsClient(standIn, trusting: certificates.caFile, proxy: forward(proxy))
            let outcome = await client.agentOnlinePing(alice)
            await client.shutdown()
            #expect(outcome.isSuccess)
            #expect(outcome.status == 201)
            #expect(proxy.connectTargets == ["127.0.0.1:\(standIn.port)"])
        }
    }

    @Test func plainHTTPGoesThroughTheProxyToo() async throws {
        let proxy = try Tinyproxy()
        defer { proxy.stop() }
        try await withBareStandIn { standIn in
            let transport = HTTPTransport(proxy: forward(proxy))
            let client = BrevoClient(accounts: [BrevoAccountCredentials(baseURL: standIn.baseURL, apiKey: testKey, transport: transport)],
                                     timeout: .seconds(5))
            let outcome = await client.agentOnlinePing(alice)
            await client.shutdown()
            #expect(outcome.isSuccess)
            #expect(standIn.requests.count == 1)
            // Plain HTTP goes to the proxy in absolute form, as HTTP proxies expect, not tunnelled.
            #expect(proxy.requestLines.contains { $0.contains("POST http://127.0.0.1:\(standIn.port)/") }, "\(proxy.requestLines)")
            #expect(proxy.connectTargets.isEmpty, "\(proxy.connectTargets)")
        }
    }

    @Test func aProxyThatWantsCredentialsIsNamedIn407() async throws {
        let proxy = try Tinyproxy(basicAuth: ("presence", "proxy-PASSWORD-42"))
        defer { proxy.stop() }
        try await withTLSStandIn { standIn, certificates in
            let client = try tlsClient(standIn, trusting: certificates.caFile, proxy: forward(proxy))
            let outcome = await client.agentOnlinePing(alice)
            await client.shutdown()
            #expect(outcome.errorClass == .connect)
            let message = outcome.message ?? ""
            #expect(message.hasPrefix("the proxy http://127.0.0.1:\(proxy.port) (from proxy.url) refused the tunnel: 407"))
            #expect(message.contains("proxy.credentials_file"))
            #expect(standIn.requests.isEmpty)
        }
    }

    @Test func theProxysCredentialsOpenTheTunnelAndStayOutOfMessages() async throws {
        let password = "proxy-PASSWORD-42"
        let proxy = try Tinyproxy(basicAuth: ("presence", password))
        defer { proxy.stop() }
        try await withTLSStandIn { standIn, certificates in
            let good = forward(proxy, credentials: ProxyUserInfo(username: "presence", password: password))
            let client = try tlsClient(standIn, trusting: certificates.caFile, proxy: good)
            let ok = await client.agentOnlinePing(alice)
            await client.shutdown()
            let wrong = forward(proxy, credentials: ProxyUserInfo(username: "presence", password: "nope-WRONG"))
            let refusedClient = try tlsClient(standIn, trusting: certificates.caFile, proxy: wrong)
            let refused = await refusedClient.agentOnlinePing(alice)
            await refusedClient.shutdown()
            #expect(ok.isSuccess)
            #expect(refused.errorClass == .connect)
            #expect(refused.message?.contains("refused the tunnel") == true, "\(refused.message ?? "")")
            #expect(!leaksKey(refused, "nope-WRONG"))
            #expect(!String(describing: wrong).contains("nope-WRONG"))
        }
    }

    @Test func aProxyThatForbidsThePortRefusesTheTunnel() async throws {
        let proxy = try Tinyproxy(connectPorts: [443])
        defer { proxy.stop() }
        try await withTLSStandIn { standIn, certificates in
            let client = try tlsClient(standIn, trusting: certificates.caFile, proxy: forward(proxy))
            let outcome = await client.agentOnlinePing(alice)
            await client.shutdown()
            #expect(outcome.errorClass == .connect)
            #expect(outcome.message?.hasPrefix("the proxy http://127.0.0.1:\(proxy.port) (from proxy.url) refused the tunnel") == true)
            #expect(standIn.requests.isEmpty)
        }
    }

    @Test func anUnreachableProxyIsNamedInTheConnectError() async throws {
        let port = try FreePort.next()
        try await withTLSStandIn { standIn, certificates in
            let absent = ForwardProxy(address: ProxyAddress(host: "127.0.0.1", port: port), origin: "https_proxy")
            let client = try tlsClient(standIn, trusting: certificates.caFile, proxy: absent)
            let outcome = await client.agentOnlinePing(alice)
            await client.shutdown()
            #expect(outcome.errorClass == .connect)
            #expect(outcome.message == "cannot connect to the proxy http://127.0.0.1:\(port) (from https_proxy)")
        }
    }
}

/// `proxy` as the client's forward proxy, set by `proxy.url`.
func forward(_ proxy: Tinyproxy, credentials: ProxyUserInfo? = nil) -> ForwardProxy {
    ForwardProxy(address: ProxyAddress(host: "127.0.0.1", port: proxy.port), origin: "proxy.url", credentials: credentials)
}
