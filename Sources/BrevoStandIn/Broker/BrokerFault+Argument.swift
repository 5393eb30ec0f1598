extension BrokerFault {
    /// Reads a fault as the command line and the run-time control spell it: `none`, `down`,
    /// `slow=2s` (`ms`, `s`, `m`, `h`), `status=461`, `status=429,retry-after=30`,
    /// `empty-answers`, `answer=TEXT`, `unclosable`, `not-json`, `huge`, `wrong-shape`,
    /// `token-no-access-token`, `token-html`; `nil` when it is none of them.
    public init?(argument: String) {
        let (name, value) = Self.split(argument)
        switch (name, value) {
        case ("none", nil): self = .none
        case ("down", nil): self = .down
        case ("empty-answers", nil): self = .emptyAnswers
        case ("unclosable", nil): self = .unclosable
        case ("not-json", nil): self = .notJSON
        case ("huge", nil): self = .huge
        case ("wrong-shape", nil): self = .wrongShape
        case ("token-no-access-token", nil): self = .tokenWithoutAccessToken
        case ("token-html", nil): self = .tokenHTML
        case ("answer", let text?): self = .answer(text)
        case ("slow", let spec?):
            guard let delay = Self.duration(spec) else { return nil }
            self = .slow(delay)
        case ("status", let spec?):
            guard let fault = Self.status(spec) else { return nil }
            self = fault
        default:
            return nil
        }
    }

    /// The fault spelled the way ``init(argument:)`` reads it.
    public var argument: String {
        switch self {
        case .none: "none"
        case .down: "down"
        case .slow(let delay): "slow=\(Self.milliseconds(delay))ms"
        case .status(let status, nil): "status=\(status)"
        case .status(let status, let retryAfter?): "status=\(status),retry-after=\(retryAfter)"
        case .emptyAnswers: "empty-answers"
        case .answer(let text): "answer=\(text)"
        case .unclosable: "unclosable"
        case .notJSON: "not-json"
        case .huge: "huge"
        case .wrongShape: "wrong-shape"
        case .tokenWithoutAccessToken: "token-no-access-token"
        case .tokenHTML: "token-html"
        }
    }

    /// `NAME=VALUE` split at the first `=` (an answer's text may hold more); `nil` value without one.
    private static func split(_ text: String) -> (String, String?) {
        guard let equals = text.firstIndex(of: "=") else { return (text, nil) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// `461` or `429,retry-after=30`.
    private static func status(_ spec: String) -> BrokerFault? {
        let parts = spec.split(separator: ",", omittingEmptySubsequences: false)
        guard let status = Int(parts[0]), (100...599).contains(status) else { return nil }
        switch parts.count {
        case 1:
            return .status(status)
        case 2:
            let option = parts[1]
            let prefix = "retry-after="
            guard option.hasPrefix(prefix), let seconds = Int(option.dropFirst(prefix.count)), seconds >= 0 else {
                return nil
            }
            return .status(status, retryAfter: seconds)
        default:
            return nil
        }
    }

    /// `2s`, `1500ms`, `0.5s`, `1m`, `1h`.
    private static func duration(_ spec: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (unit, millisecondsPerUnit) in units where spec.hasSuffix(unit) {
            let number = spec.dropLast(unit.count)
            guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }),
                let amount = Double(number), amount.isFinite, amount < 1e9
            else { return nil }
            return .milliseconds(Int64((amount * millisecondsPerUnit).rounded()))
        }
        return nil
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
