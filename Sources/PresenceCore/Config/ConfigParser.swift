import Yams

/// Turns config text into a validated `PresenceConfig`, or refuses it with every problem found.
///
/// Pure: a string in, a model or a `ConfigError` out. Reading files, drop-in folders and the API
/// key is the daemon's job (`ConfigLoader`).
public enum ConfigParser {
    /// The keys allowed at the top of the main config file.
    static let topLevelKeys = [
        "brevo", "ping", "rate_limit", "accounts", "schedules", "bots", "cluster", "metrics", "proxy", "status_file", "agents_dir", "agents_dir_optional",
        "agents",
    ]

    /// Parses and validates a main config file.
    ///
    /// An empty file, or one holding only comments, is a valid config with defaults and no agents.
    /// Each agent's account is resolved (``AgentSpec/account`` is set in the `accounts:` form and
    /// `nil` in the one-account form), so the result is final when there are no drop-ins.
    /// - Parameters:
    ///   - yaml: The file's text.
    ///   - file: The path named in issues and in each agent's `source`.
    ///   - hostName: This node's name in a `cluster:` that does not set `node`.
    /// - Throws: `ConfigError` with every problem, in file order.
    public static func parse(_ yaml: String, file: String, hostName: String = "localhost") throws(ConfigError) -> PresenceConfig {
        let root = try compose(yaml, file: file)
        var reader = YAMLNodeReader(file: file)
        var config = PresenceConfig()
        guard let root, let mapping = topMapping(root, reader: &reader) else {
            return try finish(config, reader)
        }
        let entries = reader.entries(of: mapping, at: "", known: topLevelKeys)
        let (schedules, scheduleNames) = readSchedules(entries, reader: &reader)
        config.schedules = schedules
        let (bots, botNames) = readBots(entries, reader: &reader)
        config.bots = bots
        let accounts = readAccounts(entries, into: &config, schedules: scheduleNames, reader: &reader)
        if let entry = entries["brevo"] { config.brevo = readBrevo(entry.value, reader: &reader) }
        if let entry = entries["ping"] { config.ping = readPing(entry.value, reader: &reader) }
        if let entry = entries["metrics"] { config.metrics = readMetrics(entry.value, reader: &reader) }
        if let entry = entries["proxy"] { config.proxy = readProxy(entry.keyNode, entry.value, reader: &reader) }
        if let entry = entries["cluster"] {
            config.cluster = readCluster(entry.keyNode, entry.value, ping: config.ping, hostName: hostName, reader: &reader)
        }
        if let entry = entries["rate_limit"] { config.rateLimit = readRateLimit(entry.value, reader: &reader) }
        if let entry = entries["status_file"] { config.statusFile = reader.string(entry.value, at: "status_file") }
        if let entry = entries["agents_dir"] { config.agentsDir = reader.string(entry.value, at: "agents_dir") }
        if let entry = entries["agents_dir_optional"] {
            config.agentsDirOptional = reader.bool(entry.value, at: "agents_dir_optional") ?? false
        }
        if let entry = entries["agents"] {
            config.agents = readAgents(entry.value, reader: &reader, accounts: accounts, schedules: scheduleNames,
                                       bots: botNames)
        }
        return try finish(config, reader)
    }

    /// Parses an `agents_dir` drop-in file, which holds `agents:` and nothing else.
    ///
    /// The file cannot know the main file's accounts: each agent keeps the `account:` it names
    /// (or `nil`) until ``merge(main:dropIns:)`` resolves it.
    /// - Throws: `ConfigError` with every problem, in file order.
    public static func parseDropIn(_ yaml: String, file: String) throws(ConfigError) -> [AgentSpec] {
        let root = try compose(yaml, file: file)
        var reader = YAMLNodeReader(file: file)
        guard let root, let mapping = topMapping(root, reader: &reader) else { return try finish([], reader) }
        let entries = reader.entries(of: mapping, at: "", known: ["agents"]) { key in
            topLevelKeys.contains(key)
                ? "drop-in files in agents_dir hold only agents:; set \"\(key)\" in the main config file"
                : nil
        }
        let agents = entries["agents"].map { readAgents($0.value, reader: &reader) } ?? []
        return try finish(agents, reader)
    }

    /// The line of the key at `keyPath` (such as `agents_dir` or `ping.interval`), if present.
    ///
    /// Lets the loader point at the line of a setting whose value turned out to be unusable.
    public static func line(of keyPath: String, in yaml: String) -> Int? {
        guard var node = try? Yams.compose(yaml: YAMLSourceText.normalized(yaml), .basic) else { return nil }
        var line: Int?
        for component in keyPath.split(separator: ".") {
            guard case .mapping(let mapping) = node,
                  let pair = mapping.first(where: { $0.key.string == String(component) }) else { return nil }
            line = pair.key.mark?.line
            node = pair.value
        }
        return line
    }

    /// The root mapping; a null root (a `---` alone) is an empty config, anything else an issue.
    private static func topMapping(_ root: Node, reader: inout YAMLNodeReader) -> Node.Mapping? {
        if case .mapping(let mapping) = root { return mapping }
        if !YAMLNodeReader.isNull(root) {
            reader.report(root, "", "expected a mapping of settings (brevo:, ping:, agents: ...), "
                + "found \(YAMLNodeReader.describe(root))")
        }
        return nil
    }

    /// `value`, or the reader's issues in file order.
    private static func finish<T>(_ value: T, _ reader: YAMLNodeReader) throws(ConfigError) -> T {
        guard reader.issues.isEmpty else { throw ConfigError(inFileOrder(reader.issues)) }
        return value
    }

    /// Issues sorted by line, keeping the order found for equal lines.
    static func inFileOrder(_ issues: [ConfigIssue]) -> [ConfigIssue] {
        issues.enumerated().sorted { a, b in
            let lineA = a.element.location.line ?? .max
            let lineB = b.element.location.line ?? .max
            return lineA != lineB ? lineA < lineB : a.offset < b.offset
        }.map(\.element)
    }
}
