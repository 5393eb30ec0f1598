import ControlAPI
import Foundation
import Testing

/// Every route over a real Unix socket, through the real client.
@Suite struct ControlServerTests {
    private let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    @Test func statusAndAgent() async throws {
        try await TestServer.with { test in
            let status = try await test.client.request("GET", "/v1/status")
            #expect(status.status == 200)
            #expect(try decoder.decode([String: [String]].self, from: Data(status.body)) == ["agents": ["alice", "bob", "sales/id:abc"]])
            let agent = try await test.client.request("GET", "/v1/agents/alice")
            #expect(agent.status == 200)
            #expect(try decoder.decode(AgentEntry.self, from: Data(agent.body)) == AgentEntry(key: "alice"))
            let unknown = try await test.client.request("GET", "/v1/agents/nobody")
            #expect(unknown.status == 404)
            #expect(ControlResponse(status: unknown.status, body: unknown.body).errorMessage == "unknown agent nobody")
        }
    }

    @Test func setAndClearAnOverrideOfAKeyWithSlashAndColon() async throws {
        try await TestServer.with { test in
            let path = "/v1/agents/\(ControlClient.pathSegment("sales/id:abc"))/override"
            #expect(path == "/v1/agents/sales%2Fid%3Aabc/override")
            let body = #"{"mode":"away","until":"2026-05-01T20:00:00.5+02:00","reason":"lunch"}"#
            let set = try await test.client.request("PUT", path, body: Array(body.utf8))
            #expect(set.status == 200)
            let expected = AgentEntry(key: "sales/id:abc", mode: "away", until: Date(timeIntervalSince1970: 1_777_658_400.5), reason: "lunch")
            let entry = try decoder.decode(AgentEntry.self, from: Data(set.body))
            #expect(entry.key == expected.key && entry.mode == expected.mode && entry.reason == expected.reason)
            #expect(await test.routes.book.entry("sales/id:abc")?.until == expected.until)
            let cleared = try await test.client.request("DELETE", path)
            #expect(cleared.status == 200)
            #expect(try decoder.decode(AgentEntry.self, from: Data(cleared.body)) == AgentEntry(key: "sales/id:abc"))
            let disabled = try await test.client.request("PUT", "/v1/agents/bob/override", body: Array(#"{"mode":"online"}"#.utf8))
            #expect(disabled.status == 409)
        }
    }

    @Test func reload() async throws {
        try await TestServer.with { test in
            let first = try await test.client.request("POST", "/v1/reload")
            let second = try await test.client.request("POST", "/v1/reload")
            #expect(first.status == 200 && second.status == 200)
            #expect(try decoder.decode([String: Int].self, from: Data(second.body)) == ["generation": 2])
        }
    }

    @Test func refusalsCarryAJSONErrorAndAllow() async throws {
        try await TestServer.with { test in
            let cases: [(String, String, String?, Int, String)] = [
                ("GET", "/v1/nothing", nil, 404, "no such endpoint"),
                ("POST", "/v1/status", nil, 405, "not allowed"),
                ("GET", "/v1/agents/%zz", nil, 400, "percent-encoding"),
                ("GET", "/v1/agents/..", nil, 400, "cannot be"),
                ("GET", "/v1/agents/%2E%2E", nil, 400, "cannot be"),
                ("PUT", "/v1/agents/alice/override", "{not json", 400, "not valid JSON"),
                ("PUT", "/v1/agents/alice/override", #"{"mode":"asleep"}"#, 400, "unknown mode"),
                ("PUT", "/v1/agents/alice/override", #"{"mode":"away","until":"5pm"}"#, 400, "RFC 3339"),
                ("PUT", "/v1/agents/alice/override", #"{"mode":"away","colour":"red"}"#, 400, "unknown field"),
            ]
            for (method, path, body, status, fragment) in cases {
                let answer = try await test.client.request(method, path, body: body.map { Array($0.utf8) })
                #expect(answer.status == status, "\(method) \(path)")
                let message = ControlResponse(status: answer.status, body: answer.body).errorMessage ?? ""
                #expect(message.contains(fragment), "\(method) \(path): \(message)")
            }
            let raw = try await test.exchange("POST /v1/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
            let answer = try #require(RawAnswer.parse(raw.text))
            #expect(answer.status == 405)
            #expect(answer.headers["allow"] == "GET")
            #expect(answer.headers["content-type"] == "application/json")
        }
    }

    @Test func keepAlivePipeliningAndConnectionClose() async throws {
        try await TestServer.with { test in
            let get = "GET /v1/agents/alice HTTP/1.1\r\nHost: x\r\n\r\n"
            let last = "POST /v1/reload HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            // Three requests in one write: the server answers them in order on one connection,
            // and closes after the one that asked it to.
            let received = try await test.exchange(get + get + last)
            #expect(received.closed)
            let answers = RawAnswer.parseAll(received.text)
            #expect(answers.map(\.status) == [200, 200, 200])
            #expect(answers.map { $0.headers["connection"] } == ["keep-alive", "keep-alive", "close"])
            #expect(await test.drained())
        }
    }

    @Test func shutdownClosesIdleConnectionsAndRemovesTheSocket() async throws {
        let test = try await TestServer.start(configuration: .init(requestTimeout: .seconds(60)))
        let path = test.socketPath
        let idle = try await offPool { try RawUnixSocket(path: path) }
        #expect(await eventually(within: 10) { test.server.openConnections == 1 })
        await test.server.shutdown()
        await test.server.shutdown()  // idempotent
        let end = try await offPool { idle.receiveAll() }
        #expect(end.closed)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
