import ControlAPI
import Foundation
import Testing

/// Bad clients get a 4xx and a closed connection, and the server goes on answering.
@Suite struct ControlServerRobustnessTests {
    @Test func declaredOversizeBodyIs413WithoutReadingIt() async throws {
        try await TestServer.with { test in
            // Only the head and one byte of the promised megabyte are sent: the answer can
            // come only from the head, and the connection closes without waiting for the rest.
            let head = "PUT /v1/agents/alice/override HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n{"
            let received = try await test.exchange(head)
            #expect(received.closed)
            let answer = try #require(RawAnswer.parse(received.text))
            #expect(answer.status == 413)
            #expect(answer.errorMessage?.contains("65536") == true)
            #expect(try await test.client.request("GET", "/v1/status").status == 200)
            #expect(await test.drained())
        }
    }

    @Test func chunkedBodyPastTheCapIs413() async throws {
        try await TestServer.with { test in
            let chunk = String(repeating: "a", count: 40_000)
            let size = String(chunk.utf8.count, radix: 16)
            var request = "PUT /v1/agents/alice/override HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            request += "\(size)\r\n\(chunk)\r\n\(size)\r\n\(chunk)\r\n"  // 80,000 bytes, no last chunk
            let received = try await test.exchange(request)
            #expect(received.closed)
            #expect(RawAnswer.parse(received.text)?.status == 413)
        }
    }

    @Test func slowClientGets408AndIsClosed() async throws {
        try await TestServer.with(configuration: .init(requestTimeout: .milliseconds(300))) { test in
            let received = try await test.exchange("GET /v1/status HTTP/1.1\r\nHost: x\r\n")  // half a head
            #expect(received.closed)
            let answer = try #require(RawAnswer.parse(received.text))
            #expect(answer.status == 408)
            #expect(answer.headers["connection"] == "close")
            #expect(answer.errorMessage != nil)
            #expect(await test.drained())
        }
    }

    @Test func silentClientGets408AndIsClosed() async throws {
        try await TestServer.with(configuration: .init(requestTimeout: .milliseconds(300))) { test in
            let received = try await test.exchange("")
            #expect(received.closed)
            #expect(RawAnswer.parse(received.text)?.status == 408)
        }
    }

    @Test func idleKeepAliveIsClosedQuietlyAfterTheTimeout() async throws {
        try await TestServer.with(configuration: .init(requestTimeout: .milliseconds(300))) { test in
            let received = try await test.exchange("GET /v1/status HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(received.closed)
            #expect(RawAnswer.parseAll(received.text).map(\.status) == [200])
        }
    }

    @Test func malformedRequestLineIs400ThenClose() async throws {
        try await TestServer.with { test in
            let received = try await test.exchange("THIS IS NOT HTTP\r\n\r\n")
            #expect(received.closed)
            let answer = try #require(RawAnswer.parse(received.text))
            #expect(answer.status == 400)
            #expect(answer.headers["content-type"] == "application/json")
            #expect(try await test.client.request("GET", "/v1/status").status == 200)
        }
    }

    @Test func oversizedHeadIsRefusedWithoutCrashing() async throws {
        try await TestServer.with { test in
            let filler = String(repeating: "x", count: 40_000)
            let received = try await test.exchange("GET /v1/status HTTP/1.1\r\nHost: x\r\nX-Filler: \(filler)\r\n\r\n")
            #expect(received.closed)
            let status = try #require(RawAnswer.parse(received.text)).status
            #expect(status == 431 || status == 400)
            #expect(try await test.client.request("GET", "/v1/status").status == 200)
            #expect(await test.drained())
        }
    }
}
