import Foundation
import PresenceCore
import PresenceDaemon
import Testing

/// A temporary folder for one test, removed when the test is done with it.
final class ConfigTestFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("config-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `name` inside the folder (creating subfolders) and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String, mode: Int = 0o600) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        return file
    }

    /// Creates an empty subfolder and returns its path.
    @discardableResult
    func folder(_ name: String) throws -> String {
        let folder = path + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// The issues `ConfigLoader.load` reports, or none when it loads.
func configLoadIssues(_ path: String, environment: [String: String] = [:]) -> [ConfigIssue] {
    do {
        _ = try ConfigLoader.load(path: path, environment: environment)
        return []
    } catch {
        return error.issues
    }
}

@Suite("ConfigLoader")
struct ConfigLoaderTests {
    static let keyLine = "brevo:\n  api_key_file: key\n"

    @Test("loads a config, resolving the key file against the config's folder")
    func loads() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        let path = try folder.write("config.yaml", Self.keyLine + "agents:\n  - id: a1\n")
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.path == path)
        #expect(loaded.apiKey.secret == "xkeysib-abc123")
        #expect(loaded.config.agents.map(\.key.rawValue) == ["id:a1"])
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.dropInFiles.isEmpty)
        #expect(loaded.statusFilePath == "/run/agent-presenced/status.json")
    }

    @Test("a missing config file is one issue naming the path")
    func missingFile() throws {
        let folder = try ConfigTestFolder()
        let path = folder.path + "/nope.yaml"
        let issues = configLoadIssues(path)
        #expect(issues.count == 1)
        #expect(issues.first?.location.file == path)
        #expect(issues.first?.description.contains(path) == true)
        #expect(issues.first?.message.contains("does not exist") == true)
    }

    @Test("a folder given as the config file")
    func folderAsConfig() throws {
        let folder = try ConfigTestFolder()
        let issues = configLoadIssues(folder.path)
        #expect(issues.map(\.location.file) == [folder.path])
        #expect(issues.first?.message.contains("is a folder") == true)
    }

    @Test("an unreadable config file", .enabled(if: geteuid() != 0, "root reads any file"))
    func unreadable() throws {
        let folder = try ConfigTestFolder()
        let path = try folder.write("config.yaml", "agents:\n", mode: 0o000)
        let issues = configLoadIssues(path)
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("cannot be read") == true)
    }

    @Test("a config file that is not UTF-8")
    func notUTF8() throws {
        let folder = try ConfigTestFolder()
        let path = folder.path + "/config.yaml"
        try Data([0x61, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: path))
        let issues = configLoadIssues(path)
        #expect(issues.map(\.location.file) == [path])
        #expect(issues.first?.message.contains("not UTF-8") == true)
    }

    @Test("parse problems of the main file come through with file and line")
    func parseProblems() throws {
        let folder = try ConfigTestFolder()
        let path = try folder.write("config.yaml", "ping:\n  interval: 60\n")
        let issues = configLoadIssues(path)
        #expect(issues.map(\.description) == ["\(path):2: ping.interval: expected a duration such as 60s, "
            + "1500ms or 2m, found \"60\""])
    }

    @Test("drop-ins are merged in lexical order; other extensions are ignored")
    func dropIns() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "k\n")
        try folder.write("agents.d/20-b.yaml", "agents:\n  - id: b1\n")
        try folder.write("agents.d/10-a.yaml", "agents:\n  - id: a1\n  - id: a2\n")
        try folder.write("agents.d/15-notes.txt", "agents: [oops\n")
        try folder.write("agents.d/30-c.yml", "agents:\n  - id: c1\n")
        try folder.write("agents.d/.10-a.yaml.swp", "garbage")
        let path = try folder.write("config.yaml", Self.keyLine + "agents_dir: agents.d\nagents:\n  - id: m1\n")
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.config.agents.map(\.key.rawValue) == ["id:m1", "id:a1", "id:a2", "id:b1"])
        #expect(loaded.dropInFiles == [folder.path + "/agents.d/10-a.yaml", folder.path + "/agents.d/20-b.yaml"])
        #expect(loaded.config.agents[1].source == ConfigLocation(file: folder.path + "/agents.d/10-a.yaml", line: 2))
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("30-c.yml") == true)
    }

    @Test("an agent in two files names both files")
    func duplicateAcrossFiles() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "k\n")
        let dropIn = try folder.write("agents.d/10.yaml", "agents:\n  - id: x\n  - id: abc\n")
        let path = try folder.write("config.yaml", Self.keyLine + "agents_dir: agents.d\nagents:\n  - id: abc\n")
        let issues = configLoadIssues(path)
        #expect(issues.map(\.description) == ["\(dropIn):3: agents: agent id:abc is declared in \(path):5 and \(dropIn):3"])
    }

    @Test("problems in several drop-ins are all reported")
    func dropInProblems() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "k\n")
        let first = try folder.write("agents.d/10.yaml", "ping:\n  interval: 30s\n")
        let second = try folder.write("agents.d/20.yaml", "agents:\n  - email: nobody\n    name: N\n")
        let path = try folder.write("config.yaml", Self.keyLine + "agents_dir: agents.d\n")
        let issues = configLoadIssues(path)
        #expect(issues.map(\.location) == [ConfigLocation(file: first, line: 1), ConfigLocation(file: second, line: 2)])
    }

    @Test("a missing agents_dir is an error naming its line, unless agents_dir_optional")
    func missingAgentsDir() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "k\n")
        let path = try folder.write("config.yaml", Self.keyLine + "agents_dir: /nonexistent/agents.d\n")
        let issues = configLoadIssues(path)
        #expect(issues.count == 1)
        #expect(issues.first?.location == ConfigLocation(file: path, line: 3))
        #expect(issues.first?.keyPath == "agents_dir")
        #expect(issues.first?.message.contains("/nonexistent/agents.d does not exist") == true)

        let optional = try folder.write("optional.yaml",
                                        Self.keyLine + "agents_dir: /nonexistent/agents.d\nagents_dir_optional: true\n")
        let loaded = try ConfigLoader.load(path: optional, environment: [:])
        #expect(loaded.config.agents.isEmpty)
        #expect(loaded.dropInFiles.isEmpty)
    }

    @Test("status file: status_file, else RUNTIME_DIRECTORY (first entry), else the default")
    func statusFilePath() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "k\n")
        let plain = try folder.write("plain.yaml", Self.keyLine)
        let configured = try folder.write("configured.yaml", Self.keyLine + "status_file: /var/lib/x/status.json\n")
        let relative = try folder.write("relative.yaml", Self.keyLine + "status_file: state/status.json\n")
        let runtime = ["RUNTIME_DIRECTORY": "/run/agent-presenced:/run/other"]
        #expect(try ConfigLoader.load(path: configured, environment: runtime).statusFilePath == "/var/lib/x/status.json")
        #expect(try ConfigLoader.load(path: relative, environment: [:]).statusFilePath
            == folder.path + "/state/status.json")
        #expect(try ConfigLoader.load(path: plain, environment: runtime).statusFilePath
            == "/run/agent-presenced/status.json")
        #expect(try ConfigLoader.load(path: plain, environment: ["RUNTIME_DIRECTORY": "/run/x"]).statusFilePath
            == "/run/x/status.json")
        #expect(try ConfigLoader.load(path: plain, environment: [:]).statusFilePath
            == "/run/agent-presenced/status.json")
    }

    @Test("default config path: AGENT_PRESENCED_CONFIG, else /etc/agent-presenced/config.yaml")
    func defaultPath() {
        #expect(ConfigLoader.defaultConfigPath(environment: [:]) == "/etc/agent-presenced/config.yaml")
        #expect(ConfigLoader.defaultConfigPath(environment: ["AGENT_PRESENCED_CONFIG": "/srv/p.yaml"]) == "/srv/p.yaml")
        #expect(ConfigLoader.defaultConfigPath(environment: ["AGENT_PRESENCED_CONFIG": ""])
            == "/etc/agent-presenced/config.yaml")
    }
}
