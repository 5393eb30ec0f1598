import BrevoAPI
import BrevoStandIn
import PresenceCore
import Testing

/// When the ping client reuses a connection and when it does not: keep-alive, `Connection:
/// close`, HTTP/1.0, a stale keep-alive connection, answers cut short.
@Suite struct PingKeepAliveTests {
    /// Runs `body` with a scripted server and a client of it, then shuts both down.
    private func withScripted(
        timeout: Duration = .seconds(5), _ script: @escaping @Sendable (ScriptedServer.Turn) -> ScriptedServer.Action,
        _ body: (ScriptedServer, BrevoClient) async throws -> Void
    ) async throws {
        let server = try await ScriptedServer.start(script)
        let client = BrevoClient(baseURL: server.baseURL, apiKey: testKey, timeout: timeout)
        let result: Result<Void, any Error>
        do { result = .success(try await body(server, client)) } catch { result = .failure(error) }
        await client.shutdown()
        try await server.shutdown()
        try result.get()
    }

    @Test func manySequentialPingsShareOneConnection() async throws {
        try await withStandIn { standIn, client in
            for _ in 0..<25 {
                #expect(await client.agentOnlinePing(alice).isSuccess)
            }
            #expect(standIn.connectionsAccepted == 1)
            #expect(standIn.requests.count == 25)
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withScripted({ _ in .answer(ScriptedServer.answer(headers: ["Connection: close"])) }) { server, client in
            for _ in 0..<3 {
                #expect(await client.agentOnlinePing(alice).isSuccess)
            }
            // The server left every connection open: the client closed them, never reused.
            #expect(server.connectionsAccepted == 3)
            #expect(server.requests.map(\.connection) == [1, 2, 3])
        }
    }

    @Test func http10IsReusedOnlyWithKeepAlive() async throws {
        try await withScripted({ _ in .answer(ScriptedServer.answer(version: "HTTP/1.0")) }) { server, client in
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(server.connectionsAccepted == 2)
        }
        let keepAlive = ScriptedServer.answer(version: "HTTP/1.0", headers: ["Connection: keep-alive"])
        try await withScripted({ _ in .answer(keepAlive) }) { server, client in
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(server.connectionsAccepted == 1)
        }
    }

    @Test func aStaleKeepAliveConnectionIsRetriedOnceOnAFreshOne() async throws {
        // The first connection answers once, then closes when the next request comes, as a
        // server does that closed it idle while the request was on its way.
        let script: @Sendable (ScriptedServer.Turn) -> ScriptedServer.Action = { turn in
            turn.connection == 1 && turn.onConnection > 1 ? .close : .answer(ScriptedServer.answer())
        }
        try await withScripted(script) { server, client in
            #expect(await client.agentOnlinePing(alice).isSuccess)
            let second = await client.agentOnlinePing(alice)
            #expect(second.isSuccess, "\(second)")
            #expect(server.connectionsAccepted == 2)
            #expect(server.requests.map(\.connection) == [1, 1, 2])
        }
    }

    @Test func theRetryIsOnlyOnceAndAFreshConnectionIsNeverRetried() async throws {
        let script: @Sendable (ScriptedServer.Turn) -> ScriptedServer.Action = { turn in
            turn.request == 1 ? .answer(ScriptedServer.answer()) : .close
        }
        try await withScripted(script) { server, client in
            #expect(await client.agentOnlinePing(alice).isSuccess)
            let failed = await client.agentOnlinePing(alice)
            #expect(failed.errorClass == .connectionClosed)
            // The reused connection, then one fresh one: no third try.
            #expect(server.requests.map(\.connection) == [1, 1, 2])
        }
    }

    @Test func anAnswerCutMidBodyIsNotRetried() async throws {
        let script: @Sendable (ScriptedServer.Turn) -> ScriptedServer.Action = { turn in
            turn.request == 1
                ? .answer(ScriptedServer.answer())
                : .answerThenClose(ScriptedServer.answer(status: 500, body: "{\"code\":", contentLength: 100))
        }
        try await withScripted(script) { server, client in
            #expect(await client.agentOnlinePing(alice).isSuccess)
            let cut = await client.agentOnlinePing(alice)
            #expect(cut.errorClass == .connectionClosed)
            #expect(cut.status == nil)
            #expect(server.requests.count == 2)
        }
    }

    @Test func anIdleConnectionTheServerClosedIsNotUsed() async throws {
        try await withScripted({ _ in .answerThenClose(ScriptedServer.answer()) }) { server, client in
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(server.connectionsAccepted == 2)
            #expect(server.requests.map(\.connection) == [1, 2])
        }
    }

    @Test func aCutBodyClosesTheConnection() async throws {
        let huge = String(repeating: "x", count: BrevoClient.maximumBodyBytes + 10_000)
        let script: @Sendable (ScriptedServer.Turn) -> ScriptedServer.Action = { turn in
            turn.request == 1 ? .answer(ScriptedServer.answer(status: 500, body: huge)) : .answer(ScriptedServer.answer())
        }
        try await withScripted(script) { server, client in
            let cut = await client.agentOnlinePing(alice)
            #expect(cut.errorClass == .http)
            #expect(cut.status == 500)
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(server.requests.map(\.connection) == [1, 2])
        }
    }

    @Test func theRequestGoesOutExactlyAsEncoded() async throws {
        try await withScripted({ _ in .answer(ScriptedServer.answer()) }) { server, client in
            #expect(await client.agentOnlinePing(alice).isSuccess)
            let bytes = try #require(server.requests.first?.bytes)
            #expect(bytes == "POST /v3/conversations/agentOnlinePing HTTP/1.1\r\n"
                + "Host: 127.0.0.1:\(server.port)\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "User-Agent: agent-presenced/\(ProductVersion.current)\r\n"
                + "api-key: \(testKey)\r\n"
                + "Content-Length: 31\r\n\r\n"
                + #"{"agentId":"d9nKoegKSjmCtyK78"}"#)
        }
    }

    @Test func plainHTTPThroughAProxyIsAbsoluteFormWithItsCredentials() async throws {
        // The scripted server plays the proxy: it sees what a proxy would.
        let server = try await ScriptedServer.start { _ in .answer(ScriptedServer.answer()) }
        let proxy = ForwardProxy(address: ProxyAddress(host: "127.0.0.1", port: server.port), origin: "proxy.url",
                                 credentials: ProxyUserInfo(username: "u", password: "p"))
        let client = BrevoClient(accounts: [BrevoAccountCredentials(baseURL: "http://api.example.invalid/v3", apiKey: testKey,
                                                                    transport: HTTPTransport(proxy: proxy))],
                                 timeout: .seconds(5))
        let outcome = await client.agentOnlinePing(alice)
        await client.shutdown()
        try await server.shutdown()
        #expect(outcome.isSuccess)
        let bytes = try #require(server.requests.first?.bytes)
        #expect(bytes.hasPrefix("POST http://api.example.invalid/v3/conversations/agentOnlinePing HTTP/1.1\r\n"
            + "Host: api.example.invalid\r\n"))
        #expect(bytes.contains("\r\nProxy-Authorization: Basic dTpw\r\n"))
    }
}
