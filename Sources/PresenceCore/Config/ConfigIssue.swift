/// A place in a config file: the file and, where YAML gives one, the line.
public struct ConfigLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's path as given to the loader.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }

    /// `file:line`, or the file alone.
    public var description: String { line.map { "\(file):\($0)" } ?? file }
}

/// One problem found in the configuration, naming file, line and key path.
public struct ConfigIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: ConfigLocation
    /// The key path, such as `agents[3].email` or `ping.interval`; empty for the whole file.
    public var keyPath: String
    /// What is wrong, in words an operator can act on.
    public var message: String

    /// Creates an issue.
    public init(location: ConfigLocation, keyPath: String, message: String) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    /// `config.yaml:12: agents[3].email: "liz@" is not a valid email address`.
    public var description: String {
        keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}

/// A configuration that was refused, with every problem found.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// All problems, in file order.
    public var issues: [ConfigIssue]

    /// Creates an error from its issues.
    public init(_ issues: [ConfigIssue]) {
        self.issues = issues
    }

    /// Every issue, one per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }

    /// The first problem on one line, for `STATUS=` and the status file.
    public var summary: String {
        guard let first = issues.first else { return "invalid configuration" }
        return issues.count == 1 ? first.description : "\(first) (and \(issues.count - 1) more)"
    }
}
