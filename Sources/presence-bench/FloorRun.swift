import Foundation

/// The floor of a `--peer` run: what Debian's `wrk` (one thread, a few keep-alive connections,
/// as fast as it can) spends per request sending the same POST to the same stand-in. No client
/// sends a ping for less, so the daemon's CPU per ping is judged against it.
struct FloorRun {
    /// The agent ID in wrk's body, apart from every roster agent.
    static let agentID = "floor-agent"
    /// How long wrk runs, seconds: short, since the stand-in logs every request.
    static let duration = 5
    /// wrk's connections (`-c`), on one thread (`-t1`).
    static let connections = 16

    /// wrk's CPU (user + system) per successful request, microseconds.
    var cpuUsPerRequest: Double
    /// The requests per second wrk reached.
    var requestsPerS: Double

    /// Runs `wrk` (at `executable`) against the stand-in at `baseURL` with the key in `keyFile`;
    /// the key goes into a Lua script in the workspace (mode 0600), never on the command line.
    static func measure(wrk executable: String, baseURL: String, keyFile: String, workspace: BenchWorkspace) throws -> FloorRun {
        let key = try String(contentsOfFile: keyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let body = #"{"agentId":"\#(agentID)","receivedFrom":"presence-bench"}"#
        let script = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Accept"] = "application/json"
            wrk.headers["api-key"] = "\(key)"
            wrk.body = '\(body)'

            """
        try workspace.write("floor.lua", script, mode: 0o600)
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        let command = try MeasuredCommand.run(
            executable,
            ["-t1", "-c\(connections)", "-d\(duration)s", "-s", workspace.path + "/floor.lua", base + "/conversations/agentOnlinePing"],
            outputPath: workspace.path + "/wrk.out"
        )
        guard command.exitStatus == 0 else {
            throw BenchError("wrk exited with status \(command.exitStatus) (see \(workspace.path)/wrk.out)")
        }
        guard let requests = number(before: " requests in", in: command.output), requests > 0,
              let rate = number(after: "Requests/sec:", in: command.output) else {
            throw BenchError("cannot read wrk's output (see \(workspace.path)/wrk.out)")
        }
        let failed = number(after: "Non-2xx or 3xx responses:", in: command.output) ?? 0
        guard failed == 0 else {
            throw BenchError("the stand-in refused \(Int(failed)) of wrk's \(Int(requests)) requests (see \(workspace.path)/wrk.out)")
        }
        return FloorRun(cpuUsPerRequest: command.cpuSeconds * 1e6 / requests, requestsPerS: rate)
    }

    /// The number that ends just before `marker` on its line (`123456 requests in 5.00s`).
    private static func number(before marker: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: marker) else { continue }
            return line[..<range.lowerBound].split(separator: " ").last.flatMap { Double($0) }
        }
        return nil
    }

    /// The number that follows `marker` on its line (`Requests/sec:  24691.20`).
    private static func number(after marker: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: marker) else { continue }
            return line[range.upperBound...].split(separator: " ").first.flatMap { Double($0) }
        }
        return nil
    }
}
