import Foundation

/// A temporary folder holding one run's key file, config, logs and sockets; removed afterwards.
struct BenchWorkspace {
    /// The folder.
    let path: String
    /// The API key the stand-in accepts and the daemon sends (a throwaway, local only).
    let apiKey = "bench-key-" + UUID().uuidString

    /// Creates a fresh folder under `/tmp` with the key file in it.
    init() throws {
        path = "/tmp/presence-bench-" + String(UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(atPath: path + "/run", withIntermediateDirectories: true)
        try write("brevo-api-key", apiKey + "\n", mode: 0o600)
    }

    var keyFile: String { path + "/brevo-api-key" }
    var configFile: String { path + "/config.yaml" }
    var statusFile: String { path + "/run/status.json" }
    var requestLog: String { path + "/requests.jsonl" }
    var portFile: String { path + "/standin.port" }

    /// The agent ID of roster entry `index`.
    static func agentID(_ index: Int) -> String {
        "bench-agent-" + String(index)
    }

    /// The ID that replaces entry 0 in the changed roster of a reload scenario.
    static let replacementID = "bench-agent-replaced"

    /// Agents per roster file: the daemon refuses config files over 1 MiB, so a large roster
    /// goes to `agents_dir` drop-ins of this many agents each (about 500 KB).
    static let agentsPerFile = 20_000

    /// Writes the config for `scenario` against the stand-in at `baseURL`; with `changed`, agent 0
    /// is replaced by ``replacementID`` (one agent removed, one added). The first
    /// ``agentsPerFile`` agents are in the main file, the rest in `agents.d/*.yaml`.
    func writeConfig(_ scenario: BenchScenario, baseURL: String, changed: Bool = false) throws {
        let dropIns = path + "/agents.d"
        try FileManager.default.createDirectory(atPath: dropIns, withIntermediateDirectories: true)
        var text = """
            brevo:
              base_url: \(baseURL)
              api_key_file: \(keyFile)
              received_from: presence-bench
            ping:
              interval: \(Self.milliseconds(scenario.interval))
              jitter: \(Self.milliseconds(scenario.jitter))
              timeout: \(Self.milliseconds(scenario.timeout))
              presence_window: \(Self.milliseconds(scenario.presenceWindow))
              max_in_flight: \(scenario.maxInFlight)
            status_file: \(statusFile)
            agents_dir: \(dropIns)
            agents:

            """
        text += Self.roster(0..<min(scenario.agents, Self.agentsPerFile), changed: changed)
        var first = Self.agentsPerFile
        while first < scenario.agents {
            let range = first..<min(scenario.agents, first + Self.agentsPerFile)
            try write("agents.d/\(String(100 + first / Self.agentsPerFile)).yaml", "agents:\n" + Self.roster(range, changed: false), mode: 0o644)
            first = range.upperBound
        }
        // Written in place of the old file at once, as an operator's editor would.
        try write("config.yaml.new", text, mode: 0o644)
        guard rename(path + "/config.yaml.new", configFile) == 0 else { throw BenchError("cannot rename the config") }
    }

    /// YAML list items for the agents in `range`.
    private static func roster(_ range: Range<Int>, changed: Bool) -> String {
        var text = ""
        text.reserveCapacity(range.count * 30)
        for index in range {
            let id = changed && index == 0 ? replacementID : agentID(index)
            text += "  - id: " + id + "\n"
        }
        return text
    }

    /// `1500ms`, the duration syntax the config accepts.
    static func milliseconds(_ seconds: Double) -> String {
        String(Int((seconds * 1000).rounded())) + "ms"
    }

    func write(_ name: String, _ text: String, mode: Int) throws {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
    }

    /// Removes the folder.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
