import PresenceCore
import PresenceDaemon
import Testing

/// `ConfigLoader.load` refuses a roster that cannot fit `rate_limit.requests_per_hour`.
@Suite("ConfigLoader budget")
struct ConfigLoaderBudgetTests {
    /// A config with `agents` enabled agents, `disabled` disabled ones and an optional budget.
    private func config(agents: Int, disabled: Int = 0, budget: Int?, dropInFolder: Bool = false) -> String {
        var text = "brevo:\n  api_key_file: key\n"
        if let budget { text += "rate_limit:\n  requests_per_hour: \(budget)\n" }
        if dropInFolder { text += "agents_dir: agents.d\n" }
        text += "agents:\n"
        for index in 0..<agents { text += "  - id: agent-\(index)\n" }
        for index in 0..<disabled { text += "  - id: off-\(index)\n    enabled: false\n" }
        return text
    }

    private func folder() throws -> ConfigTestFolder {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        return folder
    }

    @Test("3 agents under a budget of 100 load")
    func threeAgentsLoad() throws {
        let folder = try folder()
        let path = try folder.write("config.yaml", config(agents: 3, budget: 100))
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.config.enabledAgentCount == 3)
    }

    @Test("7 agents under a budget of 100: one issue at the budget's line, with the arithmetic")
    func sevenAgentsRefused() throws {
        let folder = try folder()
        let path = try folder.write("config.yaml", config(agents: 7, budget: 100))
        let issues = configLoadIssues(path)
        #expect(issues == [ConfigIssue(
            location: ConfigLocation(file: path, line: 4), keyPath: "rate_limit.requests_per_hour",
            message: "7 agents need ≥ 229 requests/hour at the longest safe interval of 110 s; "
                + "the budget is 100: at most 3 agents fit"
        )])
    }

    @Test("no budget: any roster loads")
    func noBudget() throws {
        let folder = try folder()
        let path = try folder.write("config.yaml", config(agents: 7, budget: nil))
        #expect(configLoadIssues(path).isEmpty)
    }

    @Test("disabled agents cost nothing: 3 enabled and 4 disabled fit a budget of 100")
    func disabledAgentsNotCounted() throws {
        let folder = try folder()
        let path = try folder.write("config.yaml", config(agents: 3, disabled: 4, budget: 100))
        #expect(configLoadIssues(path).isEmpty)
    }

    @Test("drop-in agents count: 3 in the main file and 4 in agents.d do not fit 100")
    func dropInAgentsCounted() throws {
        let folder = try folder()
        let path = try folder.write("config.yaml", config(agents: 3, budget: 100, dropInFolder: true))
        try folder.write("agents.d/more.yaml", "agents:\n" + (0..<4).map { "  - id: more-\($0)\n" }.joined())
        let issues = configLoadIssues(path)
        #expect(issues.map(\.keyPath) == ["rate_limit.requests_per_hour"])
        #expect(issues.first?.message.hasPrefix("7 agents need ≥ 229 requests/hour") == true)
    }
}
