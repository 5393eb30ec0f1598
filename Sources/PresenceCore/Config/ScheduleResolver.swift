/// Checks that a schedule named by an agent or an account is declared under `schedules:`.
///
/// Knows every name declared, also those of schedules that have problems of their own, so that
/// an agent is not blamed for its schedule's mistake.
struct ScheduleResolver {
    /// The declared names, in file order (sorted when taken from a parsed config).
    private let names: [String]
    /// The same names, for a lookup per agent.
    private let known: Set<String>

    /// A resolver for the schedules declared as `names`.
    init(names: [String]) {
        self.names = names
        known = Set(names)
    }

    /// A resolver for the schedules of a parsed config.
    init(_ config: PresenceConfig) {
        self.init(names: config.schedules.keys.sorted())
    }

    /// Why `who` (such as `agent id:x`) cannot use the schedule `name`; `nil` when it is declared.
    func problem(naming name: String, by who: String) -> String? {
        if known.contains(name) { return nil }
        var message = "\(who) names schedule \(ConfigText.quoted(name)), which the config does not declare"
        guard !names.isEmpty else { return message + " (the main config file has no schedules:)" }
        if let suggestion = KeySuggestion.closest(to: name, in: names) {
            message += "; did you mean \"\(suggestion)\"?"
        }
        return message + " (schedules: \(names.joined(separator: ", ")))"
    }
}
