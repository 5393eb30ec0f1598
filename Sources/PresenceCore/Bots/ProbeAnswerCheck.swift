/// Judges a Broker answer that arrived with 200: the one rule of what a healthy bot says, shared
/// by the daemon's probes and `agent-presenced probe`.
public enum ProbeAnswerCheck {
    /// The failure in `answerTexts` (the texts of the answer's `answers`), or `nil` when the bot
    /// is healthy: at least one answer, and when `expect` is set, one whose text it matches.
    ///
    /// `expect` was validated with the config; one that does not compile counts as a mismatch.
    public static func failure(answerTexts: [String], expect: String?) -> ProbeFailure? {
        guard let first = answerTexts.first else { return .noAnswers }
        guard let expect else { return nil }
        guard let regex = try? Regex(expect) else { return .unexpectedAnswer(first) }
        return answerTexts.contains { (try? regex.firstMatch(in: $0)) != nil } ? nil : .unexpectedAnswer(String(first.prefix(200)))
    }

    /// Why `pattern` is not a valid `expect`, or `nil` when it is.
    public static func problem(withPattern pattern: String) -> String? {
        do {
            _ = try Regex(pattern)
            return nil
        } catch {
            return "\(error)"
        }
    }
}
