import BrevoStandIn
import Foundation
import HTTPTestSupport
import PostgresTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The metrics of the running daemon, checked with the real tools: promtool reads the
/// endpoint, a real Prometheus scrapes it and answers a PromQL query.
@Suite(.serialized) struct MetricsDaemonTests {
    /// A daemon of three agents with `metrics.listen` on a free port and a textfile.
    static func daemon() async throws -> (DaemonUnderTest, port: Int, textfile: String) {
        let daemon = try await DaemonUnderTest(agents: "  - id: m1\n  - id: m2\n  - id: m3")
        let port = try FreePort.next()
        let textfile = daemon.folder.path + "/agent-presenced.prom"
        try daemon.writeConfig(agents: "  - id: m1\n  - id: m2\n  - id: m3",
                               extra: "metrics:\n  listen: 127.0.0.1:\(port)\n  textfile: \(textfile)")
        return (daemon, port, textfile)
    }

    static func scrape(_ port: Int) throws -> String {
        let answer = try RawHTTP.send(port: port, method: "GET", path: "/metrics")
        #expect(answer.status == 200)
        return answer.body
    }

    static func value(_ series: String, in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    /// Runs `tool` with `arguments`, `input` on its stdin; its status and output.
    static func run(_ tool: String, _ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func promtoolAcceptsTheEndpointAndTheTextfileAndCountersSurviveAReload() async throws {
        let (daemon, port, textfile) = try await Self.daemon()
        defer { Task { await daemon.tearDown() } }
        #expect(try daemon.start() != nil)
        #expect(daemon.waitForRequests { Set($0.compactMap(\.agentId)).count == 3 && $0.count >= 6 })
        var text = try Self.scrape(port)
        let check = try Self.run("/usr/bin/promtool", ["check", "metrics"], input: text)
        #expect(check.status == 0, "promtool: \(check.output)")
        #expect(Self.value(#"agent_presenced_pings_total{account="default",result="ok"}"#, in: text) ?? 0 >= 3)
        let okBefore = Self.value(#"agent_presenced_pings_total{account="default",result="ok"}"#, in: text) ?? 0
        // The textfile: written atomically, readable by node_exporter, the same series.
        #expect(await Eventually.wait(upTo: 10) { FileManager.default.fileExists(atPath: textfile) })
        let file = try String(contentsOfFile: textfile, encoding: .utf8)
        #expect(try Self.run("/usr/bin/promtool", ["check", "metrics"], input: file).status == 0)
        let mode = (try FileManager.default.attributesOfItem(atPath: textfile)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o644)
        // A reload: counters go on, the generation and the reload count move.
        try daemon.writeConfig(agents: "  - id: m1\n  - id: m2\n  - id: m3\n  - id: m4",
                               extra: "metrics:\n  listen: 127.0.0.1:\(port)\n  textfile: \(textfile)")
        daemon.signal(SIGHUP)
        #expect(daemon.notify.waitFor { $0.contains("READY=1") && !$0.contains("refused") } != nil)
        text = try Self.scrape(port)
        #expect(Self.value("agent_presenced_config_generation", in: text) == 2)
        #expect(Self.value(#"agent_presenced_reloads_total{result="applied"}"#, in: text) == 1)
        #expect(Self.value(#"agent_presenced_pings_total{account="default",result="ok"}"#, in: text) ?? 0 >= okBefore)
        #expect(daemon.stop().status == 0)
    }

    @Test func aRealPrometheusScrapesItAndCountsTheOnlineAgents() async throws {
        let (daemon, port, _) = try await Self.daemon()
        defer { Task { await daemon.tearDown() } }
        #expect(try daemon.start() != nil)
        let prometheusPort = try FreePort.next()
        try daemon.folder.write("prometheus.yml", """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: agent-presenced
                static_configs:
                  - targets: ['127.0.0.1:\(port)']
            """, mode: 0o644)
        let prometheus = Process()
        prometheus.executableURL = URL(fileURLWithPath: "/usr/bin/prometheus")
        prometheus.arguments = [
            "--config.file=\(daemon.folder.path)/prometheus.yml", "--storage.tsdb.path=\(daemon.folder.path)/tsdb",
            "--web.listen-address=127.0.0.1:\(prometheusPort)",
        ]
        prometheus.standardOutput = FileHandle.nullDevice
        prometheus.standardError = FileHandle.nullDevice
        try prometheus.run()
        defer { prometheus.terminate(); prometheus.waitUntilExit() }
        let query = "sum(agent_presenced_agents%7Bstate%3D%22online%22%7D)"
        var answer = ""
        let counted = await Eventually.wait(upTo: 40) {
            answer = (try? RawHTTP.send(port: prometheusPort, method: "GET", path: "/api/v1/query?query=\(query)").body) ?? ""
            return answer.contains(#","3"]"#)
        }
        #expect(counted, "Prometheus answered: \(answer)")
        #expect(daemon.stop().status == 0)
    }

    @Test func aRateLimitedAccountShowsPausedAndItsRefusalsCount() async throws {
        let (daemon, port, _) = try await Self.daemon()
        defer { Task { await daemon.tearDown() } }
        #expect(try daemon.start() != nil)
        #expect(daemon.waitForRequests { Set($0.compactMap(\.agentId)).count == 3 })
        var limited = FaultPlan.none
        limited.keyFaults[daemon.apiKey] = .rateLimited(for: .seconds(60))
        daemon.standIn.setFaults(limited)
        var text = ""
        let paused = await Eventually.wait(upTo: 30) {
            text = (try? Self.scrape(port)) ?? ""
            return Self.value(#"agent_presenced_account_paused{account="default"}"#, in: text) == 1
        }
        #expect(paused, "\(text)")
        #expect(Self.value(#"agent_presenced_pings_total{account="default",result="rate_limited"}"#, in: text) ?? 0 >= 1)
        #expect(Self.value(#"agent_presenced_agents{account="default",state="paused"}"#, in: text) == 3)
        #expect(daemon.stop().status == 0)
    }

    @Test func aPortInUseLeavesThePingsAlone() async throws {
        let (daemon, port, _) = try await Self.daemon()
        defer { Task { await daemon.tearDown() } }
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0 && listen(holder, 1) == 0)
        #expect(try daemon.start() != nil)
        #expect(daemon.waitForRequests { Set($0.compactMap(\.agentId)).count == 3 })
        let stopped = daemon.stop()
        #expect(stopped.status == 0)
        #expect(stopped.stderr.contains("metrics.listen: cannot listen on 127.0.0.1:\(port)"), "\(stopped.stderr)")
    }
}
