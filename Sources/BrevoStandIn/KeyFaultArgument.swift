/// A per-key fault as the stand-in's command line gives it, `PATH` or `PATH=VALUE`: the file
/// holding the key (not read here) and the fault.
///
/// The key itself never appears on the command line, only the file that holds it.
public struct KeyFaultArgument: Sendable, Equatable {
    /// The option the text came with, which says how its value reads.
    public enum Kind: Sendable {
        /// `--refused-key PATH[=STATUS]`: every request with the key gets STATUS (401 by default).
        case refused
        /// `--rate-limited-key PATH=DURATION[,no-headers]`: 429 for DURATION from the start.
        case rateLimited
        /// `--key-budget PATH=N/WINDOW[,no-headers]`: the key's own budget of N per WINDOW.
        case budget
    }

    /// The file holding the key.
    public var keyFile: String
    /// The fault of that key.
    public var fault: FaultPlan.KeyFault

    /// Creates an argument from its parts.
    public init(keyFile: String, fault: FaultPlan.KeyFault) {
        self.keyFile = keyFile
        self.fault = fault
    }

    /// Reads `text` given with the option of `kind`; `nil` when it is malformed.
    ///
    /// The key file is split from the value at the last `=`. A `,no-headers` suffix on a rate
    /// limit leaves the `x-sib-ratelimit-*` headers out of the key's answers.
    ///
    /// - Parameter duration: reads a duration such as `30s` or `1m`.
    public init?(_ text: String, kind: Kind, duration: (String) -> Duration?) {
        let (path, value) = Self.split(text)
        guard !path.isEmpty else { return nil }
        keyFile = path
        switch kind {
        case .refused:
            guard let value else {
                fault = .refused()
                return
            }
            guard let status = Int(value), (400...599).contains(status) else { return nil }
            fault = .refused(status: status)
        case .rateLimited:
            guard let (spec, headers) = value.map(Self.headersSuffix), let spell = duration(spec), spell > .zero
            else { return nil }
            fault = .rateLimited(for: spell, headers: headers)
        case .budget:
            guard let (spec, headers) = value.map(Self.headersSuffix) else { return nil }
            let parts = spec.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let limit = Int(parts[0]), limit >= 0,
                let window = duration(String(parts[1])), window > .zero
            else { return nil }
            fault = .budget(FaultPlan.RateLimit(limit: limit, window: window), headers: headers)
        }
    }

    /// `PATH=VALUE` split at the last `=`; the value is `nil` without one.
    private static func split(_ text: String) -> (path: String, value: String?) {
        guard let equals = text.lastIndex(of: "=") else { return (text, nil) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// The value without a `,no-headers` suffix, and whether the headers stay.
    private static func headersSuffix(_ value: String) -> (String, Bool) {
        let suffix = ",no-headers"
        return value.hasSuffix(suffix) ? (String(value.dropLast(suffix.count)), false) : (value, true)
    }
}
