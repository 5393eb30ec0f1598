/// Checks that a bot named by an agent is declared under `bots:`.
///
/// Knows every name declared, also those of bots that have problems of their own, so that an
/// agent is not blamed for its bot's mistake.
struct BotResolver {
    /// The declared names, in file order (sorted when taken from a parsed config).
    private let names: [String]
    /// The same names, for a lookup per agent.
    private let known: Set<String>

    /// A resolver for the bots declared as `names`.
    init(names: [String]) {
        self.names = names
        known = Set(names)
    }

    /// A resolver for the bots of a parsed config.
    init(_ config: PresenceConfig) {
        self.init(names: config.bots.keys.sorted())
    }

    /// Why `who` (such as `agent id:x`) cannot be the bot `name`; `nil` when it is declared.
    func problem(naming name: String, by who: String) -> String? {
        if known.contains(name) { return nil }
        var message = "\(who) names bot \(ConfigText.quoted(name)), which the config does not declare"
        guard !names.isEmpty else { return message + " (the main config file has no bots:)" }
        if let suggestion = KeySuggestion.closest(to: name, in: names) {
            message += "; did you mean \"\(suggestion)\"?"
        }
        return message + " (bots: \(names.joined(separator: ", ")))"
    }
}
