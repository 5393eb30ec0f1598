import Yams

extension ConfigParser {
    /// The keys allowed in one agent entry.
    static let agentKeys = ["id", "email", "name", "label", "enabled", "account", "schedule", "bot"]

    /// Reads `agents:`; null or an empty list is an empty roster (the daemon idles).
    ///
    /// With `accounts`, each agent's account is resolved before repeats are looked for, so the
    /// same ID in two accounts is two agents; without (a drop-in, or a main file whose accounts
    /// have a problem), each agent keeps the `account:` it names. With `schedules`, an agent's
    /// `schedule:` must be one of them; without (a drop-in), ``merge(main:dropIns:)`` checks it.
    /// The same goes for an agent's `bot:` and `bots`.
    static func readAgents(
        _ node: Node, reader: inout YAMLNodeReader, accounts: AccountResolver? = nil, schedules: DeclaredNames? = nil,
        bots: DeclaredNames? = nil
    ) -> [AgentSpec] {
        if YAMLNodeReader.isNull(node) { return [] }
        guard case .sequence(let sequence) = node else {
            reader.report(node, "agents", "expected a list of agents (- id: ... or - email: ... name: ...), "
                + "found \(YAMLNodeReader.describe(node))")
            return []
        }
        var agents: [AgentSpec] = []
        agents.reserveCapacity(sequence.count)
        var positions: [AgentKey: Int] = [:]
        positions.reserveCapacity(sequence.count)
        for (index, item) in sequence.enumerated() {
            guard var agent = readAgent(item, index: index, schedules: schedules, bots: bots, reader: &reader) else { continue }
            if let problem = accounts?.resolve(&agent) {
                reader.report(item, "agents[\(index)].account", problem)
                continue
            }
            if let first = positions[agent.key] {
                reader.report(item, "agents[\(index)]", duplicateMessage(agent.key, first: agents[first], second: agent))
                continue
            }
            positions[agent.key] = agents.count
            agents.append(agent)
        }
        return agents
    }

    /// "agent id:abc is declared in a.yaml:3 and b.yaml:7".
    static func duplicateMessage(_ key: AgentKey, first: AgentSpec, second: AgentSpec) -> String {
        let firstPlace = first.source?.description ?? "an earlier entry"
        let secondPlace = second.source?.description ?? "a later entry"
        return "agent \(key) is declared in \(firstPlace) and \(secondPlace)"
    }

    /// Reads one agent; `nil` when it has a problem (already reported).
    private static func readAgent(
        _ node: Node, index: Int, schedules: DeclaredNames?, bots: DeclaredNames?, reader: inout YAMLNodeReader
    ) -> AgentSpec? {
        // Paths are built only for reports: this runs once per agent of a roster.
        func path() -> String { "agents[\(index)]" }
        guard case .mapping(let mapping) = node else {
            reader.report(node, path(), "expected an agent mapping (id: ... or email: ... name: ...), "
                + "found \(YAMLNodeReader.describe(node))")
            return nil
        }
        let issuesBefore = reader.issues.count
        var fields = AgentFields()
        reader.forEachEntry(of: mapping, at: path(), known: agentKeys) { fields.take($0) }
        func text(_ entry: YAMLNodeReader.Entry?) -> (value: String?, present: Bool) {
            guard let entry else { return (nil, false) }
            return (reader.string(entry.value, at: path() + "." + entry.key), true)
        }
        let id = text(fields.id)
        let email = text(fields.email)
        let name = text(fields.name)
        let label = text(fields.label)
        let enabled = fields.enabled.map { reader.bool($0.value, at: path() + ".enabled") } ?? true
        let account = text(fields.account)
        let schedule = text(fields.schedule)
        let bot = text(fields.bot)

        var identity: AgentIdentity?
        switch (id.present, email.present) {
        case (true, true):
            reader.report(node, path(), "an agent has either id, or email and name, not both")
        case (false, false):
            reader.report(node, path(), "an agent needs either id, or email and name")
        case (true, false):
            if name.present {
                reader.report(fields.name?.keyNode, path() + ".name",
                              "name goes with email; for an agent given by id, use label")
            }
            if let value = id.value {
                if ConfigText.containsWhitespace(value) {
                    reader.report(fields.id?.value, path() + ".id", "an agent id contains no spaces, "
                        + "found \(ConfigText.quoted(value))")
                } else {
                    identity = .id(value)
                }
            }
        case (false, true):
            if !name.present {
                reader.report(node, path() + ".name", "an agent given by email needs a name (Brevo shows it to visitors)")
            }
            if let value = email.value {
                if let problem = EmailAddress.problem(in: value) {
                    reader.report(fields.email?.value, path() + ".email",
                                  "\(ConfigText.quoted(value)) is not a valid email address: it \(problem) "
                                  + "(Brevo would create a new agent for it)")
                } else if let agentName = name.value {
                    identity = .email(value, name: ConfigText.trimmed(agentName))
                }
            }
        }
        if let identity, let name = schedule.value,
           let problem = schedules?.problem(naming: name, by: "agent \(identity.key)") {
            reader.report(fields.schedule?.value, path() + ".schedule", problem)
        }
        if let identity, let name = bot.value, let problem = bots?.problem(naming: name, by: "agent \(identity.key)") {
            reader.report(fields.bot?.value, path() + ".bot", problem)
        }
        guard let identity, let enabled, reader.issues.count == issuesBefore else { return nil }
        return AgentSpec(identity: identity, label: label.value, enabled: enabled, source: reader.location(node),
                         account: account.value, schedule: schedule.value, bot: bot.value)
    }
}

/// The entries of one agent mapping, by key.
private struct AgentFields {
    var id: YAMLNodeReader.Entry?
    var email: YAMLNodeReader.Entry?
    var name: YAMLNodeReader.Entry?
    var label: YAMLNodeReader.Entry?
    var enabled: YAMLNodeReader.Entry?
    var account: YAMLNodeReader.Entry?
    var schedule: YAMLNodeReader.Entry?
    var bot: YAMLNodeReader.Entry?

    /// Files `entry` under its key (one of ``ConfigParser/agentKeys``).
    mutating func take(_ entry: YAMLNodeReader.Entry) {
        switch entry.key {
        case "id": id = entry
        case "email": email = entry
        case "name": name = entry
        case "label": label = entry
        case "enabled": enabled = entry
        case "account": account = entry
        case "schedule": schedule = entry
        case "bot": bot = entry
        default: break
        }
    }
}
