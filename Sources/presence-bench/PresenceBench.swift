import ArgumentParser
import Foundation

/// `presence-bench`: runs the real `agent-presenced` against the stand-in, each in its own
/// process, and reports CPU, memory, cadence and reload figures per scenario.
@main
struct PresenceBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presence-bench",
        abstract: "Benchmark agent-presenced: CPU, memory, ping cadence and reloads, per scenario.",
        discussion: "Scenarios: \(BenchScenario.names.joined(separator: ", ")). Without --scenario, all but the smoke ones run. With --runs, the scenarios take turns (run 1 of each, then run 2 of each) so that a busy spell of a shared machine does not fall on one of them."
    )

    @Option(help: "The agent-presenced binary (default: next to presence-bench).")
    var binary: String?

    @Option(help: "A scenario to run; repeat for several.")
    var scenario: [String] = []

    @Option(help: "Runs per scenario; the report gives medians.")
    var runs = 1

    @Option(help: "How long the idle scenario runs, seconds.")
    var idleDuration: Double = 180

    @Flag(help: "Print JSON instead of Markdown.")
    var json = false

    @Flag(help: "Keep each run's folder (config, logs) under /tmp.")
    var keep = false

    /// Run the reference pinger (Python asyncio + aiohttp) and wrk after the daemon in each run.
    @Flag(help: "After the daemon, run the same roster through the reference pinger (/usr/bin/python3 with aiohttp, Sources/presence-bench/peer) and measure wrk's CPU per request (the floor), against the same stand-in; report the ratios.")
    var peer = false

    func validate() throws {
        if let unknown = scenario.first(where: { !BenchScenario.names.contains($0) }) {
            throw ValidationError("unknown scenario \(unknown); choose from \(BenchScenario.names.joined(separator: ", "))")
        }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard idleDuration >= 10 else { throw ValidationError("--idle-duration must be at least 10 seconds") }
    }

    func run() throws {
        ChildRegistry.shared.killOnSignals()
        defer { ChildRegistry.shared.killAll() }
        let executable = binary ?? Self.defaultBinary()
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError("no agent-presenced binary at \(executable); build it or pass --binary")
        }
        let names = scenario.isEmpty ? BenchScenario.defaultNames : scenario
        let chosen = BenchScenario.all(idleDuration: idleDuration).filter { names.contains($0.name) }
        let peerTools = peer ? try PeerTools.locate() : nil
        let runner = ScenarioRunner(binary: executable, keepFiles: keep, peerTools: peerTools) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        var runResults = [[RunResult]](repeating: [], count: chosen.count)
        for number in 1...runs {
            for (index, scenario) in chosen.enumerated() {
                runner.progress("\(scenario.name): run \(number) of \(runs)")
                runResults[index].append(try runner.run(scenario))
            }
        }
        let results = runResults.map(RunResult.median(of:))
        let machine = MachineInfo.current()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(BenchReport(machine: machine, results: results))
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(MarkdownReport.render(results, machine: machine), terminator: "")
        }
    }

    /// `agent-presenced` in the same folder as this binary.
    static func defaultBinary() -> String {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("agent-presenced").path
    }
}

/// The JSON report: the machine and one result per scenario.
struct BenchReport: Codable, Sendable {
    var machine: MachineInfo
    var results: [RunResult]
}
