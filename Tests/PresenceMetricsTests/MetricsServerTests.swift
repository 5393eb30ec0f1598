import Foundation
import HTTPTestSupport
import PresenceCore
import PresenceMetrics
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The listener over a real socket: only `/metrics`, bounded requests and connections.
@Suite(.serialized) struct MetricsServerTests {
    static func withServer(_ body: (MetricsServer) async throws -> Void) async throws {
        let metrics = PresenceMetrics(version: "1.2.3")
        let server = try await MetricsServer.start(address: ListenAddress(host: "127.0.0.1", port: 0)) { metrics.render() }
        do { try await body(server) } catch {
            await server.close()
            throw error
        }
        await server.close()
    }

    @Test func getMetricsAnswersTheTextFormat() async throws {
        try await Self.withServer { server in
            let answer = try RawHTTP.send(port: server.address.port, method: "GET", path: "/metrics")
            #expect(answer.status == 200)
            #expect(answer.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(answer.body.contains(#"agent_presenced_build_info{version="1.2.3"} 1"#))
            let head = try RawHTTP.send(port: server.address.port, method: "HEAD", path: "/metrics")
            #expect(head.status == 200 && head.body.isEmpty)
        }
    }

    @Test func nothingElseIsAnswered() async throws {
        try await Self.withServer { server in
            #expect(try RawHTTP.send(port: server.address.port, method: "GET", path: "/").status == 404)
            #expect(try RawHTTP.send(port: server.address.port, method: "GET", path: "/metrics/../status").status == 404)
            let post = try RawHTTP.send(port: server.address.port, method: "POST", path: "/metrics", body: "x")
            #expect(post.status == 405)
            #expect(post.headers["allow"] == "GET, HEAD")
        }
    }

    @Test func aRequestOverTheLimitIsRefusedAndClosed() async throws {
        try await Self.withServer { server in
            // A 10 MB upload announced; the first 64 KiB already exceed the limit.
            let fd = try Self.connect(server.address.port)
            defer { close(fd) }
            let head = "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n"
            let bytes = Array(head.utf8) + [UInt8](repeating: 0x78, count: 64 * 1024)
            _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var answer = [UInt8](repeating: 0, count: 512)
            let count = answer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            #expect(String(decoding: answer.prefix(max(count, 0)), as: UTF8.self).hasPrefix("HTTP/1.1 413"))
            // And the server goes on answering scrapes.
            #expect(try RawHTTP.send(port: server.address.port, method: "GET", path: "/metrics").status == 200)
        }
    }

    @Test func connectionsBeyondTheCapAreClosedAndTheServerStillAnswers() async throws {
        try await Self.withServer { server in
            // Hold the cap's worth of idle connections, then one more: it is closed at once.
            var held: [Int32] = []
            defer { for fd in held { close(fd) } }
            for _ in 0..<MetricsServer.maximumConnections { held.append(try Self.connect(server.address.port)) }
            usleep(200_000)
            let extra = try Self.connect(server.address.port)
            defer { close(extra) }
            var byte: UInt8 = 0
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(extra, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            #expect(recv(extra, &byte, 1, 0) == 0, "the connection over the cap was not closed")
            // Once they go, scrapes are answered again.
            for fd in held { close(fd) }
            held = []
            usleep(200_000)
            #expect(try RawHTTP.send(port: server.address.port, method: "GET", path: "/metrics").status == 200)
        }
    }

    @Test func aPortInUseFailsToStart() async throws {
        try await Self.withServer { server in
            await #expect(throws: (any Error).self) {
                _ = try await MetricsServer.start(address: ListenAddress(host: "127.0.0.1", port: server.address.port)) { [] }
            }
        }
    }

    static func connect(_ port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ConnectFailure() }
        return fd
    }
}

/// A test connection could not be made.
struct ConnectFailure: Error {}
