import BrevoStandIn
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12 with the built binary: `away`, `online` and `clear` through the running daemon's
/// control socket change what the stand-in receives; bad arguments are refused before anything
/// is sent; overrides outlive a restart; a damaged overrides file is moved aside.
@Suite struct OverrideCommandTests {
    static let roster = """
          - id: alice
            label: Alice
          - id: bob
            label: Shared
          - id: carol
            label: Shared
          - id: dave
            enabled: false
        """

    /// Monotonic now in the stand-in's clock (CLOCK_MONOTONIC, ns).
    static func monotonicNow() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    func run(_ daemon: DaemonUnderTest, _ arguments: [String]) throws -> DaemonBinary.Result {
        try DaemonBinary.run(arguments, environment: daemon.environment())
    }

    @Test func awayStopsAnAgentsPingsAndClearBringsThemBack() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            #expect(daemon.waitForRequests { $0.contains { $0.agent == "alice" && $0.status == 201 } })
            let away = try run(daemon, ["away", "Alice", "--for", "10m", "--reason", "lunch"])
            #expect(away.status == 0, "\(away.stderr)")
            #expect(away.stdout.contains("is away until"), "\(away.stdout)")
            let returned = Self.monotonicNow()
            // Several intervals: nothing for Alice, Bob goes on.
            #expect(daemon.waitForRequests { requests in
                requests.filter { $0.agent == "bob" && $0.monotonicNanoseconds > returned }.count >= 3
            })
            #expect(!daemon.pingTimes("alice").contains { $0 > returned }, "a ping for Alice left after away returned")
            let status = try run(daemon, ["status", "--json"])
            #expect(status.status == 0, "\(status.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
            let alice = try #require((json["agents"] as? [[String: Any]])?.first { $0["id"] as? String == "alice" })
            #expect(alice["state"] as? String == "away")
            #expect((alice["override"] as? [String: Any])?["reason"] as? String == "lunch")
            let table = try run(daemon, ["status"])
            #expect(table.stdout.contains("SHIFT / OVERRIDE"), "\(table.stdout)")

            let clear = try run(daemon, ["clear", "alice"])
            #expect(clear.status == 0, "\(clear.stderr)")
            let cleared = Self.monotonicNow()
            #expect(daemon.waitForRequests(timeout: .seconds(10)) { requests in
                requests.contains { $0.agent == "alice" && $0.monotonicNanoseconds > cleared }
            })
            #expect(daemon.stop().status == 0)
        }
    }

    @Test func badArgumentsAreRefusedWithExit64AndNothingChanges() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            let cases: [([String], String)] = [
                (["away", "alice", "--for", "-5m"], "must be positive"),
                (["away", "alice", "--for", "soon"], "--for soon"),
                (["away", "alice", "--for", "5m", "--until", "18:00"], "either --for or --until"),
                (["online", "alice", "--until", "2020-01-01T00:00:00Z"], "in the past"),
                (["away", "Shared"], "matches 2 agents"),
                (["away", "nobody"], "no agent 'nobody'"),
            ]
            for (arguments, message) in cases {
                let result = try run(daemon, arguments)
                #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
                #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            }
            let ambiguous = try run(daemon, ["clear", "Shared"])
            #expect(ambiguous.stderr.contains("id:bob") && ambiguous.stderr.contains("id:carol"), "\(ambiguous.stderr)")
            let disabled = try run(daemon, ["away", "dave"])
            #expect(disabled.status == 1)
            #expect(disabled.stderr.contains("409") && disabled.stderr.contains("disabled"), "\(disabled.stderr)")
            let json = try #require(daemon.statusJSON())
            let overrides = (json["agents"] as? [[String: Any]])?.compactMap { $0["override"] as? [String: Any] }
            #expect(overrides?.isEmpty == true)
            #expect(daemon.stop().status == 0)
        }
    }

    @Test func anOverrideOutlivesARestartAndADamagedFileIsMovedAside() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            #expect(try run(daemon, ["away", "alice", "--for", "1h", "--reason", "training"]).status == 0)
            #expect(daemon.stop().status == 0)
            let overridesFile = daemon.folder.path + "/run/overrides.json"
            #expect(FileManager.default.fileExists(atPath: overridesFile))

            #expect(try daemon.startAndWaitForStatus())
            let restarted = Self.monotonicNow()
            #expect(daemon.waitForStatus { _ in daemon.statusAgent(id: "alice")?["state"] as? String == "away" })
            #expect((daemon.statusAgent(id: "alice")?["override"] as? [String: Any])?["reason"] as? String == "training")
            #expect(daemon.waitForRequests { requests in requests.filter { $0.agent == "bob" && $0.monotonicNanoseconds > restarted }.count >= 2 })
            #expect(!daemon.pingTimes("alice").contains { $0 > restarted })
            #expect(daemon.stop().status == 0)

            try Data("{ not json".utf8).write(to: URL(fileURLWithPath: overridesFile))
            #expect(try daemon.startAndWaitForStatus())
            #expect(daemon.waitForRequests { requests in requests.contains { $0.agent == "alice" && $0.monotonicNanoseconds > restarted } })
            let stopped = daemon.stop()
            #expect(stopped.status == 0)
            #expect(stopped.stderr.contains("ignoring the overrides file"), "\(stopped.stderr)")
            let aside = try FileManager.default.contentsOfDirectory(atPath: daemon.folder.path + "/run").filter { $0.hasPrefix("overrides.json.corrupt-") }
            #expect(aside.count == 1)
        }
    }

    @Test func aFloodOfBadClientsOnTheSocketLeavesThePingsAlone() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            let socket = daemon.runtimePath + "/control.sock"
            // The status file can come a moment before the control socket listens.
            #expect(await Eventually.wait(upTo: 10) { (try? Self.connect(socket)).map { close($0) } != nil })
            var held: [Int32] = []
            // 300 connections that never finish a request, plus malformed ones.
            for index in 0..<300 {
                let fd = try Self.connect(socket)
                let junk = index % 3 == 0 ? "GET /v1/agents/%zz HTTP/1.1\r\nHost: x\r\n\r\n" : (index % 3 == 1 ? "PUT /v1/agents/id%3Aalice/override HTTP/1.1\r\nContent-Length: 9\r\n\r\n{\"mode\":1" : "GET /v1/sta")
                _ = junk.withCString { write(fd, $0, strlen($0)) }
                held.append(fd)
            }
            let during = Self.monotonicNow()
            #expect(daemon.waitForRequests { requests in
                ["alice", "bob", "carol"].allSatisfy { agent in requests.filter { $0.agent == agent && $0.monotonicNanoseconds > during }.count >= 3 }
            })
            for fd in held { close(fd) }
            let status = try run(daemon, ["status"])
            #expect(status.status == 0, "\(status.stderr)")
            #expect(daemon.stop().status == 0)
        }
    }

    static func connect(_ path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            _ = path.withCString { strncpy(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), $0, buffer.count - 1) }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        return fd
    }
}
