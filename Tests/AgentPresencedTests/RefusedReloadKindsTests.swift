import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every kind of config error refuses the reload as a whole: the generation stays, the roster
/// keeps its pings, and only `last_reload_error` and `STATUS=` change; a good reload clears it.
@Suite struct RefusedReloadKindsTests {
    @Test func eachKindOfBrokenConfigIsRefusedAndChangesNothingElse() async throws {
        let daemon = try await DaemonUnderTest(agents: "  - id: steady")
        defer { Task { await daemon.tearDown() } }
        #expect(try daemon.start() != nil)
        #expect(daemon.waitForRequests { $0.contains { $0.agentId == "steady" } })
        let good = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        let broken: [(kind: String, text: String, mentions: String)] = [
            ("YAML syntax", good + "\n  - id: [unclosed\n", "config.yaml"),
            ("unknown key", good.replacingOccurrences(of: "ping:\n", with: "ping:\n  intervall: 5s\n"), "intervall"),
            ("bad duration", good.replacingOccurrences(of: "interval: 2s", with: "interval: fast"), "ping.interval"),
            ("duplicate agent", good + "\n  - id: steady\n", "steady"),
            ("missing key file", good.replacingOccurrences(of: "\(daemon.folder.path)/brevo-api-key", with: "/nonexistent/brevo-api-key"), "/nonexistent/brevo-api-key"),
            ("missing bot key", good + "\nbots:\n  b:\n    base_url: http://127.0.0.1:9/broker\n    org: 6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f\n"
                + "    env: 6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f\n    bot: 6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f\n"
                + "    channel: 6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f\n    locale: en-US\n    api_key_file: /nonexistent/broker-api-key\n",
             "/nonexistent/broker-api-key"),
        ]
        for (kind, text, mentions) in broken {
            try daemon.folder.write("config.yaml", text, mode: 0o644)
            let before = daemon.standIn.requests.count
            daemon.signal(SIGHUP)
            #expect(daemon.notify.waitFor { $0.contains("RELOADING=1") } != nil, "\(kind)")
            let ready = daemon.notify.waitFor { $0.contains("READY=1") }
            #expect(ready?.contains("reload refused") == true, "\(kind): \(ready ?? "no READY=1")")
            let config = daemon.statusJSON()?["config"] as? [String: Any]
            #expect(config?["generation"] as? Int == 1, "\(kind)")
            #expect((config?["last_reload_error"] as? String)?.contains(mentions) == true, "\(kind): \(config?["last_reload_error"] ?? "none")")
            #expect(daemon.waitForRequests { $0.count >= before + 1 && $0.last?.agentId == "steady" }, "\(kind): pings stopped")
        }
        try daemon.folder.write("config.yaml", good, mode: 0o644)
        daemon.signal(SIGHUP)
        let applied = daemon.notify.waitFor { $0.contains("READY=1") }
        #expect(applied?.contains("reload refused") == false)
        let config = daemon.statusJSON()?["config"] as? [String: Any]
        #expect(config?["generation"] as? Int == 2)
        #expect(config?["last_reload_error"] is NSNull)
        #expect(daemon.stop().status == 0)
    }
}
