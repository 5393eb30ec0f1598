import Foundation

/// A temporary folder holding one run's key files, config, logs and sockets; removed afterwards.
struct BenchWorkspace {
    /// The folder.
    let path: String
    /// What every API key of the run starts with (a throwaway, local only); an account's key
    /// adds the account's name.
    let apiKey = "bench-key-" + UUID().uuidString
    /// The account layout the key files were written for; `nil` is the one-account form.
    let accounts: AccountLayout?
    /// The CA the config trusts (`ca_file`) when the stand-in speaks TLS.
    var caFile: String?
    /// Where the status file goes: a folder on a tmpfs when the machine has one at `/dev/shm`,
    /// as the unit's `RuntimeDirectory=` under `/run` is; else the workspace's `run` folder.
    ///
    /// On a disk, every rewrite's `fsync` makes the kernel write the file back in the daemon's
    /// name (4.6 MB a second at 10,000 agents), which no installed daemon pays.
    let runFolder: String

    /// Creates a fresh folder under `/tmp` with the key file of every account of `scenario`
    /// in it (mode 0600).
    init(for scenario: BenchScenario) throws {
        path = "/tmp/presence-bench-" + String(UUID().uuidString.prefix(8))
        accounts = scenario.accounts
        runFolder = Self.isTmpfs("/dev/shm") ? "/dev/shm/presence-bench-run-" + path.suffix(8) : path + "/run"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: runFolder, withIntermediateDirectories: true)
        guard let layout = accounts else {
            try write("brevo-api-key", apiKey + "\n", mode: 0o600)
            return
        }
        try FileManager.default.createDirectory(
            atPath: path + "/keys", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
        )
        for account in 0..<layout.count {
            let name = AccountLayout.name(account)
            try write("keys/" + name, apiKey + "-" + name + "\n", mode: 0o600)
        }
    }

    /// The key file of account `name`; the one-account form's for `nil`.
    func keyFile(_ name: String?) -> String {
        name.map { path + "/keys/" + $0 } ?? path + "/brevo-api-key"
    }

    /// The key file of an account the stand-in serves normally (wrk's and the peer's).
    var servedKeyFile: String {
        guard let layout = accounts, let account = (0..<layout.count).first(where: { !layout.isLimited($0) }) else {
            return keyFile(nil)
        }
        return keyFile(AccountLayout.name(account))
    }

    var configFile: String { path + "/config.yaml" }
    var statusFile: String { runFolder + "/status.json" }
    var requestLog: String { path + "/requests.jsonl" }
    var portFile: String { path + "/standin.port" }

    /// The stand-in's key options: every account's key file, those of the rate-limited accounts
    /// as `--rate-limited-key PATH=SPELL` (429 with `x-sib-ratelimit-*` headers for the spell).
    var standInKeyArguments: [String] {
        guard let layout = accounts else { return ["--api-key-file", keyFile(nil)] }
        return (0..<layout.count).flatMap { account in
            let file = keyFile(AccountLayout.name(account))
            return layout.isLimited(account)
                ? ["--rate-limited-key", file + "=" + BenchConfigText.milliseconds(layout.limitSpell)]
                : ["--api-key-file", file]
        }
    }

    /// What every roster agent's ID starts with; the roster entry's index follows.
    static let agentPrefix = "bench-agent-"

    /// The agent ID of roster entry `index`.
    static func agentID(_ index: Int) -> String {
        agentPrefix + String(index)
    }

    /// The ID that replaces entry 0 in the changed roster of a reload scenario.
    static let replacementID = "bench-agent-replaced"

    /// Agents per roster file: a large roster goes to `agents_dir` drop-ins of this many agents
    /// each (about 500 KB, 1 MB with `account:` lines), as an operator would split it.
    static let agentsPerFile = 20_000

    /// Writes the config for `scenario` against the stand-in at `baseURL`; with `changed`, agent 0
    /// is replaced by ``replacementID`` (one agent removed, one added). The first
    /// ``agentsPerFile`` agents are in the main file, the rest in `agents.d/*.yaml`.
    func writeConfig(_ scenario: BenchScenario, baseURL: String, changed: Bool = false) throws {
        let dropIns = path + "/agents.d"
        try FileManager.default.createDirectory(atPath: dropIns, withIntermediateDirectories: true)
        var text = BenchConfigText.settings(scenario, baseURL: baseURL, keyFile: keyFile, statusFile: statusFile,
                                            agentsDir: dropIns, caFile: caFile)
        text += BenchConfigText.roster(0..<min(scenario.agents, Self.agentsPerFile), of: scenario, changed: changed)
        var first = Self.agentsPerFile
        while first < scenario.agents {
            let range = first..<min(scenario.agents, first + Self.agentsPerFile)
            let roster = "agents:\n" + BenchConfigText.roster(range, of: scenario, changed: false)
            try write("agents.d/\(String(100 + first / Self.agentsPerFile)).yaml", roster, mode: 0o644)
            first = range.upperBound
        }
        // Written in place of the old file at once, as an operator's editor would.
        try write("config.yaml.new", text, mode: 0o644)
        guard rename(path + "/config.yaml.new", configFile) == 0 else { throw BenchError("cannot rename the config") }
    }

    func write(_ name: String, _ text: String, mode: Int) throws {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
    }

    /// Removes the folder, and the status file's folder.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: runFolder)
    }

    /// Whether a tmpfs is mounted at `path` (`/proc/mounts` says so).
    static func isTmpfs(_ path: String) -> Bool {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return false }
        return mounts.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count > 2 && fields[1] == path && fields[2] == "tmpfs"
        }
    }
}
