import BrevoStandIn
import Foundation
import HTTPTestSupport
import Testing

/// The daemon over HTTPS: a `ca_file` that trusts the stand-in's throwaway CA, a real forward
/// proxy (tinyproxy) from `proxy:` or the environment, and a wrong CA that fails visibly
/// without a storm of retries.
@Suite(.serialized) struct TransportDaemonTests {
    static let agents = "  - id: t1\n  - id: t2"

    /// A daemon pinging a TLS stand-in whose CA is `certificates`'.
    static func daemon(_ certificates: StandInCertificates) async throws -> DaemonUnderTest {
        let tls = try certificates.tls()
        return try await DaemonUnderTest(agents: agents, tls: tls)
    }

    static func agentEntries(_ status: [String: Any]?) -> [[String: Any]] {
        status?["agents"] as? [[String: Any]] ?? []
    }

    @Test func pingsOverHTTPSThroughAProxyWithCredentialsFromTheConfig() async throws {
        let certificates = try StandInCertificates.make()
        defer { certificates.remove() }
        let proxy = try Tinyproxy(basicAuth: ("presence", "tunnel-PASSWORD-77"))
        defer { proxy.stop() }
        let daemon = try await Self.daemon(certificates)
        defer { Task { await daemon.tearDown() } }
        try daemon.folder.write("proxy-credentials", "presence:tunnel-PASSWORD-77\n")
        try daemon.writeConfig(agents: Self.agents,
                               extra: "proxy:\n  url: \(proxy.url)\n  credentials_file: \(daemon.folder.path)/proxy-credentials",
                               brevo: "ca_file: \(certificates.caFile)")
        // The config's proxy wins over the environment's (which points nowhere).
        daemon.runEnvironment = ["https_proxy": "http://127.0.0.1:9"]
        let check = try DaemonBinary.run(["check", "--config", daemon.configPath])
        #expect(check.stdout.contains("  tls: trusts 1 certificate from \(certificates.caFile) beside the system's trust store"), "\(check.stdout)")
        #expect(check.stdout.contains("  proxy: via http://127.0.0.1:\(proxy.port) (from proxy.url), credentials from file"), "\(check.stdout)")
        #expect(!check.stdout.contains("tunnel-PASSWORD-77"))

        #expect(try daemon.start() != nil)
        #expect(daemon.waitForRequests { requests in Set(requests.compactMap(\.agentId)) == ["t1", "t2"] })
        #expect(daemon.standIn.requests.allSatisfy { $0.status == 201 })
        #expect(!proxy.connectTargets.isEmpty)
        #expect(proxy.connectTargets.allSatisfy { $0 == "127.0.0.1:\(daemon.standIn.port)" })
        let (status, log) = daemon.stop()
        #expect(status == 0)
        #expect(!log.contains("tunnel-PASSWORD-77"))
        #expect(!log.contains(daemon.apiKey))
    }

    @Test func theEnvironmentsHTTPSProxyIsUsedAndCheckSaysSo() async throws {
        let certificates = try StandInCertificates.make()
        defer { certificates.remove() }
        let proxy = try Tinyproxy()
        defer { proxy.stop() }
        let daemon = try await Self.daemon(certificates)
        defer { Task { await daemon.tearDown() } }
        try daemon.writeConfig(agents: Self.agents, brevo: "ca_file: \(certificates.caFile)")
        daemon.runEnvironment = ["https_proxy": proxy.url, "no_proxy": "example.invalid"]
        let check = try DaemonBinary.run(["check", "--config", daemon.configPath], environment: daemon.runEnvironment)
        #expect(check.stdout.contains("  proxy: https via http://127.0.0.1:\(proxy.port) (from https_proxy), no_proxy example.invalid"),
                "\(check.stdout)")
        #expect(try daemon.start() != nil)
        #expect(daemon.waitForRequests { requests in requests.filter { $0.status == 201 }.count >= 2 })
        #expect(proxy.connectTargets.contains("127.0.0.1:\(daemon.standIn.port)"))
        #expect(daemon.stop().status == 0)
    }

    @Test func aWrongCAIsATLSFailureRetriedOnlyOnTheSchedule() async throws {
        let certificates = try StandInCertificates.make()
        defer { certificates.remove() }
        let daemon = try await Self.daemon(certificates)
        defer { Task { await daemon.tearDown() } }
        // No ca_file: the system's trust store does not know the throwaway CA.
        #expect(try daemon.start() != nil)
        #expect(daemon.waitForStatus { status in
            let entries = Self.agentEntries(status)
            return entries.count == 2 && entries.allSatisfy { ($0["pings_failed"] as? Int ?? 0) >= 2 }
        })
        #expect(daemon.stop().status == 0)
        let entries = Self.agentEntries(daemon.statusJSON())
        for entry in entries {
            #expect((entry["last_error"] as? String)?.hasPrefix("connect: TLS failure: the server's certificate does not verify") == true,
                    "\(entry)")
        }
        // Every connection the stand-in saw was a scheduled ping: no retries hidden below the
        // schedule. There may be fewer: pings waiting on one connection attempt fail with it,
        // and a ping cut short by the stop may fail before it connects.
        let failed = entries.compactMap { $0["pings_failed"] as? Int }.reduce(0, +)
        let accepted = daemon.standIn.connectionsAccepted
        #expect(accepted >= 1 && accepted <= failed, "connections \(accepted), failed pings \(failed)")
        #expect(daemon.standIn.requests.isEmpty)
    }
}
