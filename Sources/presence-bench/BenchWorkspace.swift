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

    /// Writes the config for `scenario` against the stand-in at `baseURL`; with `changed`, agent 0
    /// is replaced by ``replacementID`` (one agent removed, one added).
    func writeConfig(_ scenario: BenchScenario, baseURL: String, changed: Bool = false) throws {
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
            agents:

            """
        text.reserveCapacity(text.utf8.count + scenario.agents * 32)
        for index in 0..<scenario.agents {
            let id = changed && index == 0 ? Self.replacementID : Self.agentID(index)
            text += "  - id: " + id + "\n"
        }
        // Written in place of the old file at once, as an operator's editor would.
        try write("config.yaml.new", text, mode: 0o644)
        guard rename(path + "/config.yaml.new", configFile) == 0 else { throw BenchError("cannot rename the config") }
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
