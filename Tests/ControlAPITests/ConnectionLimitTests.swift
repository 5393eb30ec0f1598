#if canImport(Glibc)
import Glibc
#endif
import ControlAPI
import Foundation
import Testing

/// A flood of connections is refused past the cap, and the server recovers with no leak.
@Suite struct ConnectionLimitTests {
    @Test func thousandConnectionsAtOnceWithACapOf64() async throws {
        let configuration = ControlServer.Configuration(requestTimeout: .seconds(60), maxConnections: 64)
        try await TestServer.with(configuration: configuration) { test in
            let path = test.socketPath
            // Open them all first, so all 1,000 are connected at the same time.
            let sockets = try await offPool { () throws -> [RawUnixSocket] in
                try (0..<1000).map { _ in try RawUnixSocket(path: path) }
            }
            // connect() returns once the kernel queued the connection; wait until the server
            // has taken every one, so none is served only because an earlier one had ended.
            let server = test.server
            #expect(await eventually(within: 30) { server.openConnections + server.refusedConnections == 1000 })
            #expect(server.openConnections == 64)
            #expect(server.refusedConnections == 936)
            let (outcome, closed) = try await offPool { () -> ([Int: Int], Int) in
                var tally: [Int: Int] = [:]  // status, or 0 for closed without an answer
                var closed = 0
                for socket in sockets {
                    socket.send("GET /v1/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                }
                for socket in sockets {
                    let received = socket.receiveAll()
                    if received.closed { closed += 1 }
                    tally[RawAnswer.parse(received.text)?.status ?? 0, default: 0] += 1
                }
                return (tally, closed)
            }
            #expect(closed == 1000)
            #expect(outcome[200] == 64, "\(outcome)")
            #expect((outcome[429] ?? 0) + (outcome[0] ?? 0) == 936, "\(outcome)")
            #expect(try await test.client.request("GET", "/v1/status").status == 200)
            #expect(await test.drained())
        }
    }

    @Test func refusalIsA429WithAJSONMessage() async throws {
        let configuration = ControlServer.Configuration(requestTimeout: .seconds(60), maxConnections: 1)
        try await TestServer.with(configuration: configuration) { test in
            let path = test.socketPath
            let holder = try await offPool { try RawUnixSocket(path: path) }
            #expect(await eventually(within: 10) { test.server.openConnections == 1 })
            let refused = try await test.exchange("GET /v1/status HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(refused.closed)
            let answer = try #require(RawAnswer.parse(refused.text))
            #expect(answer.status == 429)
            #expect(answer.errorMessage?.contains("too many connections") == true)
            holder.send("GET /v1/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let held = try await offPool { holder.receiveAll() }
            #expect(RawAnswer.parse(held.text)?.status == 200)
            #expect(await test.drained())
        }
    }
}
