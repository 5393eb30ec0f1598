/// The names declared in one section of the main file (`schedules:`, `bots:`), to check the
/// names agents and accounts refer to.
///
/// Knows every name declared, also those of entries that have problems of their own, so that
/// an agent is not blamed for its schedule's or its bot's mistake.
struct DeclaredNames {
    /// What one entry is called in messages: `schedule`, `bot`.
    let kind: String
    /// The section's key: `schedules`, `bots`.
    let section: String
    /// The declared names, in file order (sorted when taken from a parsed config).
    private let names: [String]
    /// The same names, for a lookup per agent.
    private let known: Set<String>

    /// The names `names` declared under `section`, each entry a `kind`.
    init(kind: String, section: String, names: [String]) {
        self.kind = kind
        self.section = section
        self.names = names
        known = Set(names)
    }

    /// The schedules declared as `names`.
    static func schedules(_ names: [String]) -> DeclaredNames {
        DeclaredNames(kind: "schedule", section: "schedules", names: names)
    }

    /// The bots declared as `names`.
    static func bots(_ names: [String]) -> DeclaredNames {
        DeclaredNames(kind: "bot", section: "bots", names: names)
    }

    /// Why `who` (such as `agent id:x`) cannot name `name`; `nil` when it is declared.
    func problem(naming name: String, by who: String) -> String? {
        if known.contains(name) { return nil }
        var message = "\(who) names \(kind) \(ConfigText.quoted(name)), which the config does not declare"
        guard !names.isEmpty else { return message + " (the main config file has no \(section):)" }
        if let suggestion = KeySuggestion.closest(to: name, in: names) {
            message += "; did you mean \"\(suggestion)\"?"
        }
        return message + " (\(section): \(names.joined(separator: ", ")))"
    }
}
